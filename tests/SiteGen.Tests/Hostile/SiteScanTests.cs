using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Hostile;

/// <summary>The page scan itself catches each kind of injection (so a clean scan means something).</summary>
public class SiteScanTests
{
    private const string Csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'\">";

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html><head><meta charset=utf-8>{head}<title>t</title></head><body>{body}<script src=\"/assets/search.js?v=1\" defer></script></body></html>";

    public static readonly TheoryData<string, string, string> Injected = new()
    {
        { Csp, "<script>alert(1)</script>", "script other than" },
        { Csp, "<script src=\"https://evil.example/x.js\"></script>", "script other than" },
        { Csp, "<img src=x onerror=alert(1)>", "event handler" },
        { Csp, "<a href=\"java&#9;script:alert(1)\">x</a>", "href=" },
        { Csp, "<a href=\" JAVASCRIPT:alert(1)\">x</a>", "href=" },
        { Csp, "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", "src=" },
        { Csp, "<img srcset=\"ok.jpg 1x, vbscript:x 2x\">", "srcset candidate" },
        { Csp, "<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(1)\">b</button></form>", "form posting elsewhere" },
        { Csp, "<video poster=\"javascript:alert(1)\"></video>", "poster=" },
        { Csp, "<p style=\"background:url(javascript:alert(1))\">x</p>", "inline style" },
        { Csp, "<iframe src=\"https://ok.example/\"></iframe>", "<iframe> element" },
        { Csp, "<object data=\"x\"></object>", "<object> element" },
        { Csp, "<embed src=\"x\">", "<embed> element" },
        { Csp, "<svg><script>alert(1)</script></svg>", "<svg> element" },
        { Csp, "<style>*{}</style>", "<style> element" },
        { Csp + "<base href=\"https://evil.example/\">", "", "<base> element" },
        { Csp + "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "", "meta http-equiv" },
        { Csp, "<!-- x -->", "HTML comment" },
        { Csp + "<link rel=stylesheet href=\"https://evil.example/x.css\">", "", "not from our assets" },
        { "", "", "no Content-Security-Policy" },
        { "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'\">", "", "allows 'unsafe-inline'" },
        { "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src https:; object-src 'none'; base-uri 'none'\">", "", "allows https:" },
        { "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'\">", "", "object-src" },
    };

    [Theory]
    [MemberData(nameof(Injected))]
    public void The_scan_flags(string head, string body, string expected)
    {
        var problems = SiteScan.PageProblems(new HtmlParser(), Page(head, body), "zh/x/index.html", "/").ToArray();
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_passes_a_clean_page_and_the_root_redirect()
    {
        Assert.Empty(SiteScan.PageProblems(new HtmlParser(), Page(Csp, "<a href=\"/zh/\">x</a> <img src=\"https://img.example/a.jpg\" loading=lazy>"), "zh/x/index.html", "/"));
        var redirect = Page(Csp + "<meta http-equiv=\"refresh\" content=\"0; url=/zh/\">", "");
        Assert.Empty(SiteScan.PageProblems(new HtmlParser(), redirect, "index.html", "/"));
        Assert.NotEmpty(SiteScan.PageProblems(new HtmlParser(), redirect, "zh/index.html", "/"));
    }
}
