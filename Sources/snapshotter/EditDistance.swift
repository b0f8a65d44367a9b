/// The Levenshtein distance: the fewest single-character insertions, deletions and substitutions that turn one
/// word into another.
enum EditDistance {
    static func between(_ first: String, _ second: String) -> Int {
        let target = Array(second)
        var previous = Array(0...target.count)
        for (row, character) in first.enumerated() {
            var current = [row + 1]
            for (column, other) in target.enumerated() {
                let substitution = previous[column] + (character == other ? 0 : 1)
                current.append(min(previous[column + 1] + 1, current[column] + 1, substitution))
            }
            previous = current
        }
        return previous[target.count]
    }
}
