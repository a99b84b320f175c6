/// An organisation that takes part in several dossiers of the call.
public struct SharedOrganisation: Sendable {
    /// The name it is written with most often (the first of those, on a tie).
    public var name: String
    /// Its normalised registration number, when it is matched by one.
    public var registration: String?
    /// The rows (indexes into the call's dossiers) it takes part in, in order, each once.
    public var dossiers: [Int]

    public init(name: String, registration: String?, dossiers: [Int]) {
        self.name = name
        self.registration = registration
        self.dossiers = dossiers
    }
}
