namespace SiteGen.Serving;

/// <summary>
/// The script served at <c>/__sitegen/reload.js</c> (only by <c>sitegen serve</c>): listens on
/// <c>/__sitegen/events</c>; <c>reload</c> reloads the page; <c>build-error</c> shows an overlay with
/// each error's file, line and message, written with <c>textContent</c> only (never as HTML) and styled
/// through the CSSOM (allowed by <c>style-src 'self'</c>); <c>ok</c> removes it. The page's build
/// version is in the script's own URL (<c>?v=</c>), so a page served just before a rebuild reloads
/// when it connects.
/// </summary>
public static class ReloadScript
{
    public const string Text = """
        // sitegen serve: live reload and build errors. Not part of the built site.
        (function () {
          'use strict';
          var script = document.currentScript;
          var here = new URL(script ? script.src : '/__sitegen/reload.js', location.href);
          var version = Number(here.searchParams.get('v') || '0');
          var overlay = null;

          function style(el, css) {
            for (var k in css) { el.style[k] = css[k]; }
            return el;
          }

          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function show(errors) {
            hide();
            overlay = style(document.createElement('div'), {
              position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '2rem',
              background: 'rgba(20, 20, 20, 0.92)', color: '#fff', font: '14px/1.5 ui-monospace, monospace'
            });
            overlay.setAttribute('role', 'alertdialog');
            overlay.setAttribute('aria-label', 'Build failed');
            overlay.id = '__sitegen-overlay';
            var title = style(document.createElement('h2'), { margin: '0 0 1rem', font: 'bold 18px/1.3 system-ui, sans-serif', color: '#ff8a80' });
            title.textContent = 'Build failed — showing the last good site';
            overlay.appendChild(title);
            errors.forEach(function (e) {
              var item = style(document.createElement('div'), { margin: '0 0 1rem', padding: '0.75rem 1rem', borderLeft: '4px solid #ff5252', background: 'rgba(255,255,255,0.06)' });
              var where = style(document.createElement('div'), { color: '#ffd180', fontWeight: 'bold' });
              where.className = 'where';
              where.textContent = e.file ? e.file + (e.line ? ':' + e.line : '') + (e.column ? ':' + e.column : '') : '(build)';
              var message = style(document.createElement('pre'), { margin: '0.25rem 0 0', whiteSpace: 'pre-wrap' });
              message.className = 'message';
              message.textContent = e.message;
              item.appendChild(where);
              item.appendChild(message);
              overlay.appendChild(item);
            });
            var close = style(document.createElement('button'), { position: 'absolute', top: '1rem', right: '1rem', font: 'inherit', cursor: 'pointer' });
            close.type = 'button';
            close.textContent = 'Close';
            close.addEventListener('click', hide);
            overlay.appendChild(close);
            (document.body || document.documentElement).appendChild(overlay);
          }

          if (!window.EventSource) { return; }
          var source = new EventSource(new URL('/__sitegen/events', here));
          source.addEventListener('hello', function (e) {
            var data = JSON.parse(e.data);
            if (data.version && data.version !== version) { location.reload(); }
          });
          source.addEventListener('reload', function () { location.reload(); });
          source.addEventListener('build-error', function (e) { show(JSON.parse(e.data).errors || []); });
          source.addEventListener('ok', hide);
        })();

        """;

    public static string Digest { get; } = Publishing.Incremental.Digest.Of(Text).ToString()[..16];
}
