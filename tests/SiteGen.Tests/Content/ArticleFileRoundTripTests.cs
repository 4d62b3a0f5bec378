using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Tests.Content;

public class ArticleFileRoundTripTests
{
    // A hostile property test (RSS reader, seed fTKfbRtyq7U7) met a title "~": written plain, YAML read it as null.
    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("2024")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("~ 不是空")]
    public void A_title_that_looks_like_another_yaml_value_reads_back_as_written(string title)
    {
        var article = new Article { Id = "dw-x1", Title = title, Summary = title, Lang = "en", Outlet = "dw", Published = PublishedDate.FromDate(2024, 1, 2), Body = "Body." };
        var text = ArticleFile.Write(article);
        var back = ArticleFile.Parse(text);
        Assert.Equal(title, back.Title);
        Assert.Equal(title, back.Summary);
    }
}
