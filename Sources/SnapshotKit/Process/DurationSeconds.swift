extension Duration {
    /// The duration in seconds as a floating-point number, for Foundation and Dispatch.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Seconds as short text for messages: `30 s`, `0.25 s`.
func secondsText(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}
