namespace Padre.Pads.Tracking;

/// <summary>Run ids and default run names as MLflow makes them: 32 lowercase hex, and "adjective-noun-number".</summary>
internal static class RunNames
{
    private static readonly string[] Adjectives =
    [
        "abundant", "agreeable", "amazing", "auspicious", "bedecked", "bemused", "blushing", "bold", "brawny", "bright",
        "calm", "capable", "carefree", "caring", "casual", "charming", "clean", "clever", "colorful", "crawling",
        "dapper", "defiant", "delicate", "enchanting", "fearless", "gentle", "gifted", "glamorous", "handsome", "honorable",
        "illustrious", "incongruous", "industrious", "intelligent", "judicious", "kindly", "languid", "learned", "likeable", "loud",
        "luminous", "masked", "merciful", "mercurial", "monumental", "nebulous", "polite", "powerful", "resilient", "rogue",
        "round", "rumbling", "salty", "secretive", "selective", "sincere", "skillful", "smiling", "stately", "suave",
        "thoughtful", "traveling", "trusting", "unequaled", "unique", "upbeat", "useful", "valuable", "victorious", "wise",
    ];

    private static readonly string[] Nouns =
    [
        "ant", "ape", "asp", "auk", "bass", "bat", "bear", "bee", "bird", "boar", "bug", "calf", "carp", "cat", "chimp",
        "cod", "colt", "conch", "cow", "crab", "crane", "croc", "crow", "cub", "deer", "doe", "dog", "dolphin", "donkey",
        "dove", "duck", "eel", "elk", "fawn", "finch", "fish", "flea", "fly", "foal", "fowl", "fox", "frog", "gnat", "gnu",
        "goat", "goose", "grouse", "grub", "gull", "hare", "hawk", "hen", "hog", "horse", "hound", "jay", "kit", "kite",
        "koi", "lamb", "lark", "loon", "lynx", "mare", "midge", "mink", "mole", "moose", "moth", "mouse", "mule", "newt",
        "owl", "ox", "panda", "penguin", "perch", "pig", "pug", "quail", "ram", "rat", "ray", "robin", "roo", "rook",
        "seal", "shad", "shark", "sheep", "shoat", "shrew", "shrike", "shrimp", "skink", "skunk", "sloth", "slug", "smelt",
        "snail", "snake", "snipe", "sow", "sponge", "squid", "squirrel", "stag", "steed", "stoat", "stork", "swan", "tern",
        "toad", "trout", "turtle", "vole", "wasp", "whale", "wolf", "worm", "wren", "yak", "zebra",
    ];

    public static string NewRunId() => Guid.NewGuid().ToString("N");

    // A name needs no secret randomness (MLflow's uses Python's `random`); the cryptographic generator would start
    // OpenSSL on the caller's thread at the first hooked call, ~25 ms of a run start.
    public static string NewRunName() =>
        $"{Adjectives[Random.Shared.Next(Adjectives.Length)]}-{Nouns[Random.Shared.Next(Nouns.Length)]}-{Random.Shared.Next(1000)}";
}
