/// The portal's style sheet, script and OpenAPI document, compiled into the binary from
/// `Sources/Portal/Assets/` (the EmbedFiles plugin), so an installed `dossiercheck` serves them.
public enum PortalAssets {
    /// A file of `Assets/` by name (`portal.css`).
    public static func file(_ name: String) -> String? {
        embeddedFiles.first { $0.name == "Assets/" + name }?.contents
    }
}
