/// The organisations of the calls recorded before a call, to tell its new partners from those
/// seen before.
public struct EarlierOrganisations: Sendable, Equatable {
    /// How many calls were recorded before it.
    public var calls: Int
    /// Normalised registration numbers.
    public var registrations: Set<String>
    /// Normalised names, of every organisation.
    public var names: Set<String>
    /// Normalised names of the organisations recorded without a registration number.
    public var unregisteredNames: Set<String>

    public init(calls: Int = 0, registrations: Set<String> = [], names: Set<String> = [], unregisteredNames: Set<String> = []) {
        self.calls = calls
        self.registrations = registrations
        self.names = names
        self.unregisteredNames = unregisteredNames
    }

    /// Seen before: the same registration number, or, when either of the two gives none, the
    /// same normalised name.
    public func knows(name: String?, registration: String?) -> Bool {
        let key = OrganisationKey.normalisedName(name ?? "")
        if let registration = registration.map(OrganisationKey.normalisedRegistration), !registration.isEmpty {
            return registrations.contains(registration) || (!key.isEmpty && unregisteredNames.contains(key))
        }
        return !key.isEmpty && names.contains(key)
    }
}
