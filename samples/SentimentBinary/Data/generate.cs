// Writes sentiment.csv: SYNTHETIC short product reviews (not real data), deterministic (fixed seed).
// Run from this folder: dotnet run generate.cs
// Each review joins a subject, an opinion and sometimes a second clause; negation ("not good") flips an
// opinion, and some reviews mix both sentiments, so a bag of words alone cannot be perfect.
using System.Text;

var random = new Random(20261123);
string[] subjects = ["The battery", "This phone", "The screen", "Delivery", "The manual", "Customer service", "The camera", "This charger", "The sound", "The case"];
string[] good = ["great", "excellent", "reliable", "fast", "sturdy", "amazing", "clear", "helpful", "lovely", "solid"];
string[] bad = ["terrible", "slow", "flimsy", "awful", "broken", "noisy", "useless", "disappointing", "cheap", "poor"];
string[] goodTail = ["I would buy it again", "worth every penny", "highly recommended", "five stars", "my family loves it"];
string[] badTail = ["I want a refund", "waste of money", "returned it the next day", "one star", "never again"];
string Pick(string[] words) => words[random.Next(words.Length)];

var csv = new StringBuilder("Text,Sentiment\n");
for (var i = 0; i < 1000; i++)
{
    var positive = random.NextDouble() < 0.5;
    var negated = random.NextDouble() < 0.2;
    var opinion = positive ^ negated ? Pick(good) : Pick(bad);
    var text = $"{Pick(subjects)} is {(negated ? "not " : "")}{opinion}";
    var tail = random.NextDouble();
    if (tail < 0.5) text += ", " + (positive ? Pick(goodTail) : Pick(badTail));
    else if (tail < 0.6) text += ", but " + (positive ? Pick(badTail) : Pick(goodTail)).ToLowerInvariant();
    csv.Append('"').Append(text).Append("\",").Append(positive ? "true" : "false").Append('\n');
}
File.WriteAllText("sentiment.csv", csv.ToString());
