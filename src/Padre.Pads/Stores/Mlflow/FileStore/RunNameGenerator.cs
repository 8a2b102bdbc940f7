namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Generates run names the way MLflow does when none is given: <c>predicate-noun-N</c> (N in 0..1000), at most
/// 20 characters, with MLflow's own word lists (mlflow/utils/name_utils.py, Apache-2.0), so a run named by us
/// looks like a run named by MLflow.
/// </summary>
internal static class RunNameGenerator
{
    private const int MaxLength = 20;

    private static readonly string[] Nouns =
    [
        "ant", "ape", "asp", "auk", "bass", "bat", "bear", "bee", "bird", "boar", "bug", "calf", "carp", "cat",
        "chimp", "cod", "colt", "conch", "cow", "crab", "crane", "croc", "crow", "cub", "deer", "doe", "dog",
        "dolphin", "donkey", "dove", "duck", "eel", "elk", "fawn", "finch", "fish", "flea", "fly", "foal", "fowl",
        "fox", "frog", "gnat", "gnu", "goat", "goose", "grouse", "grub", "gull", "hare", "hawk", "hen", "hog",
        "horse", "hound", "jay", "kit", "kite", "koi", "lamb", "lark", "loon", "lynx", "mare", "midge", "mink",
        "mole", "moose", "moth", "mouse", "mule", "newt", "owl", "ox", "panda", "penguin", "perch", "pig", "pug",
        "quail", "ram", "rat", "ray", "robin", "roo", "rook", "seal", "shad", "shark", "sheep", "shoat", "shrew",
        "shrike", "shrimp", "skink", "skunk", "sloth", "slug", "smelt", "snail", "snake", "snipe", "sow", "sponge",
        "squid", "squirrel", "stag", "steed", "stoat", "stork", "swan", "tern", "toad", "trout", "turtle", "vole",
        "wasp", "whale", "wolf", "worm", "wren", "yak", "zebra",
    ];

    private static readonly string[] Predicates =
    [
        "abundant", "able", "abrasive", "adorable", "adaptable", "adventurous", "aged", "agreeable", "ambitious",
        "amazing", "amusing", "angry", "auspicious", "awesome", "bald", "beautiful", "bemused", "bedecked", "big",
        "bittersweet", "blushing", "bold", "bouncy", "brawny", "bright", "burly", "bustling", "calm", "capable",
        "carefree", "capricious", "caring", "casual", "charming", "chill", "classy", "clean", "clumsy", "colorful",
        "crawling", "dapper", "debonair", "dashing", "defiant", "delicate", "delightful", "dazzling", "efficient",
        "enchanting", "entertaining", "enthused", "exultant", "fearless", "flawless", "fortunate", "fun", "funny",
        "gaudy", "gentle", "gifted", "glamorous", "grandiose", "gregarious", "handsome", "hilarious", "honorable",
        "illustrious", "incongruous", "indecisive", "industrious", "intelligent", "inquisitive", "intrigued",
        "invincible", "judicious", "kindly", "languid", "learned", "legendary", "likeable", "loud", "luminous",
        "luxuriant", "lyrical", "magnificent", "marvelous", "masked", "melodic", "merciful", "mercurial",
        "monumental", "mysterious", "nebulous", "nervous", "nimble", "nosy", "omniscient", "orderly", "overjoyed",
        "peaceful", "painted", "persistent", "placid", "polite", "popular", "powerful", "puzzled", "rambunctious",
        "rare", "rebellious", "respected", "resilient", "righteous", "receptive", "redolent", "resilient", "rogue",
        "rumbling", "salty", "sassy", "secretive", "selective", "sedate", "serious", "shivering", "skillful",
        "sincere", "skittish", "silent", "smiling", "sneaky", "sophisticated", "spiffy", "stately", "suave",
        "stylish", "tasteful", "thoughtful", "thundering", "traveling", "treasured", "trusting", "unequaled",
        "upset", "unique", "unleashed", "useful", "upbeat", "unruly", "valuable", "vaunted", "victorious",
        "welcoming", "whimsical", "wistful", "wise", "worried", "youthful", "zealous",
    ];

    /// <summary>A new random run name.</summary>
    public static string Next()
    {
        var name = string.Empty;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            name = Candidate();
            if (name.Length <= MaxLength)
            {
                return name;
            }
        }

        return name[..MaxLength];
    }

    private static string Candidate()
    {
        var predicate = Predicates[Random.Shared.Next(Predicates.Length)];
        var noun = Nouns[Random.Shared.Next(Nouns.Length)];
        // Python's random.randint(0, 10**3) includes both ends.
        var number = Random.Shared.Next(0, 1001);
        return $"{predicate}-{noun}-{number}";
    }
}
