namespace SiteGen.Content;

/// <summary>The texts <see cref="ArchiveScaffold"/> writes. site.yml names exactly the keys <see cref="Model.SiteSettings"/> accepts, with its defaults.</summary>
internal static class ScaffoldTexts
{
    public const string SiteYml = """
        # Settings of the archive site (every key is optional; the values below are the defaults).
        # `sitegen build` flags override them. Formats of site.yml, outlets and events: see docs/content.md
        # in the SiteGen repository.

        # The site's name in the Chinese and in the English interface (page titles, header, feeds).
        title_zh: 新闻档案
        title_en: News Archive
        # One sentence on what the archive holds, per interface language (home page, feeds, meta description).
        description_zh: ""
        description_en: ""
        # Absolute URL the site is published at, ending in /. The GitHub Pages workflow passes the real
        # address with --base-url, so this one only matters for local builds.
        base_url: http://localhost:5000/
        # zh or en: the interface language / leads to and x-default points to.
        default_language: zh
        # Articles per list page (outlet, event, tag, archive pages) and on the home page: 1 to 1000.
        page_size: 50
        # Theme folder name under themes/ beside content/ (or the theme shipped with sitegen).
        theme: default

        """;

    public const string OutletsReadme = """
        # Outlets

        One file per news outlet, `<id>.yml` (for example `dw.yml`): its id, names in Chinese and English,
        home page, web domains, the bylines that mean the outlet, and its language. `sitegen import` files
        an article under the outlet whose domain or byline it names. The outlets of the sources sitegen
        reads ship with it: a file here adds an outlet or replaces the shipped one of its id. For an
        outlet nobody described, `sitegen import` writes its file here with `generated: true`: check its
        names, then delete that line (the importer never writes the file again). Format: docs/content.md
        in the SiteGen repository.

        """;

    public const string EventsReadme = """
        # Events

        One file per event, `<id>.yml` (for example `2018-09-11-vostok-2018-exercise.yml`): its dates,
        titles and summaries in both languages, and the words that match the articles covering it.
        `sitegen events suggest` proposes events from the archive. Format: docs/content.md in the SiteGen
        repository.

        """;

    public const string Readme = """
        # News archive

        A bilingual (Chinese/English) news archive built with SiteGen. The articles, outlets and events are
        in `content/`; `sitegen` (pinned in `.config/dotnet-tools.json`) turns them into a static site.

        ```sh
        dotnet tool restore                        # install the pinned sitegen from .sitegen/packages/
        dotnet tool run sitegen import <folder>    # normalize scraped articles into content/articles/
        dotnet tool run sitegen serve              # preview at http://127.0.0.1:5000/ while you edit
        dotnet tool run sitegen build              # the finished site in public/
        ```

        Formats of `content/site.yml`, `content/outlets/<id>.yml` and `content/events/<id>.yml`:
        docs/content.md in the SiteGen repository.

        Publishing: push to GitHub and set Settings → Pages → Source to "GitHub Actions";
        `.github/workflows/pages.yml` builds, checks and deploys the site on every push to `main`.

        """;

    /// <summary>
    /// The archive's own package folder as the only feed <c>dotnet tool restore</c> reads: the pinned
    /// SiteGen.Cli package committed there restores the same tool on any machine and in the workflow,
    /// offline, with no package feed to publish to or sign in to (add one here to use it instead).
    /// </summary>
    public const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- The pinned sitegen package lives in this repository: see .sitegen/packages/README.md. -->
        <configuration>
          <packageSources>
            <clear />
            <add key="archive" value=".sitegen/packages" />
          </packageSources>
        </configuration>

        """;

    public static string PackagesReadme(string toolVersion) => $"""
        # The sitegen package of this archive

        `dotnet tool restore` (and the Pages workflow) installs the sitegen version pinned in
        `.config/dotnet-tools.json` ({toolVersion}) from this folder, the only package source `nuget.config`
        names. Put that release's package here and commit it (about 2 MB):

        ```sh
        cp <path>/SiteGen.Cli.{toolVersion}.nupkg .sitegen/packages/
        git add .sitegen/packages && git commit -m "sitegen {toolVersion}"
        ```

        To move to another version, add its package here and change the version in
        `.config/dotnet-tools.json` (or run `dotnet tool update sitegen.cli --local`).

        """;

    public const string GitIgnore = """
        # Built site and the build's staging folders (sitegen build swaps a finished staging folder in).
        /public/
        /.public.staging-*/
        /.public.old-*/
        .sitegen-cache/

        """;

    public const string PagesWorkflow = """
        # Builds the archive with the pinned sitegen and publishes it on GitHub Pages.
        # Repository settings → Pages → Source: GitHub Actions.
        name: Publish to GitHub Pages

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        # One deployment at a time; a running one is not cancelled, so a published site is never half replaced.
        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v7
              - uses: actions/setup-dotnet@v5
                with:
                  dotnet-version: 10.0.x
              - name: Install sitegen (the version in .config/dotnet-tools.json)
                run: dotnet tool restore
              - id: pages
                uses: actions/configure-pages@v6
              - name: Build the site
                run: dotnet tool run sitegen build --strict --base-url "${{ steps.pages.outputs.base_url }}/"
              - name: Check the archive
                run: dotnet tool run sitegen check
              - uses: actions/upload-pages-artifact@v5
                with:
                  path: public

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v5

        """;

    /// <summary>A local tool manifest pinning the sitegen tool (package SiteGen.Cli) at <paramref name="version"/>.</summary>
    public static string ToolManifest(string version) => $$"""
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "sitegen.cli": {
              "version": "{{version}}",
              "commands": ["sitegen"],
              "rollForward": false
            }
          }
        }

        """;
}
