using SiteGen.Link;

namespace SiteGen.Tests.Link;

public class SlugsTests
{
    [Theory]
    [InlineData("zh/articles/dw-n1/", "zh/articles/dw-n1/")]
    [InlineData("zh/tags/普京/", "zh/tags/%E6%99%AE%E4%BA%AC/")]
    [InlineData("en/tags/a b&c/", "en/tags/a%20b%26c/")]
    [InlineData("", "")]
    public void EncodePath_percent_encodes_each_segment(string path, string expected) => Assert.Equal(expected, Slugs.EncodePath(path));

    [Fact]
    public void EncodePath_equals_escaping_every_segment_on_random_paths()
    {
        // The fast path (nothing to encode: the path is returned as it is) must agree with the general one.
        const string alphabet = "aZ09-._~/ %?#&+:@!$'()*,;=普京\u00e9\u200b\t\\";
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : alphabet[random.Next(8)];
            }

            var path = new string(chars);
            Assert.Equal(string.Join('/', path.Split('/').Select(Uri.EscapeDataString)), Slugs.EncodePath(path));
        }
    }
}
