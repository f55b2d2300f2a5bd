/// The folder a build keeps its cache in, beside the output folder (`public/` →
/// `.policysite-cache/`): render fingerprints and parsed archived versions. Never an output itself.
public enum CacheFolder {
    public static let name = ".policysite-cache"
}
