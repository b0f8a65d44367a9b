import Foundation

/// Text for the figures the benchmark prints.
enum Format {
    /// Bytes per second in MB/s (10^6 bytes), e.g. `612.3 MB/s`.
    static func megabytesPerSecond(_ bytesPerSecond: Double) -> String {
        String(format: "%.1f MB/s", bytesPerSecond / 1e6)
    }

    /// Operations per second in millions, e.g. `3.05 M hashes/s`.
    static func millionsPerSecond(_ perSecond: Double, unit: String) -> String {
        String(format: "%.2f M \(unit)/s", perSecond / 1e6)
    }

    /// A ratio such as `0.93x`.
    static func ratio(_ ours: Double, to theirs: Double) -> String {
        String(format: "%.2fx", ours / theirs)
    }

    /// A byte count in MiB, e.g. `12.4 MiB`.
    static func bytes(_ count: Int) -> String {
        String(format: "%.1f MiB", Double(count) / 1_048_576)
    }

    /// Rows of cells as left-aligned columns, two spaces apart and indented by two; one line per row, header first.
    static func table(header: [String], rows: [[String]]) -> String {
        let lines = [header] + rows
        let widths = header.indices.map { column in lines.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return lines.map { cells in
            let padded = cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            return "  " + padded.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
