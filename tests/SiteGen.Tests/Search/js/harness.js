// Runs the page script's core (themes/default/assets/search.js) in Node for the C# tests:
//   node harness.js <search.js> <index dir>  < request.json  > response.json
// request: { queries: [..], texts: [..], words: [..] }
// response: { hits: { q: [[doc, score], ..] }, units: { text: [key, ..] }, stems: [..] }
'use strict';
const fs = require('fs');
const path = require('path');
const core = require(path.resolve(process.argv[2]));
const dir = process.argv[3];
const request = JSON.parse(fs.readFileSync(0, 'utf8'));

const index = new core.Index((p, kind) => {
  const data = fs.readFileSync(path.join(dir, p));
  return Promise.resolve(kind === 'json' ? JSON.parse(data.toString('utf8')) : data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
});

(async () => {
  await index.open();
  await index.fold();
  const response = { hits: {}, units: {}, stems: [] };
  for (const q of request.queries) {
    const hits = await index.search(core.parseQuery(q));
    response.hits[q] = hits.map(h => [h.doc, h.score]);
  }
  for (const t of request.texts) {
    response.units[t] = core.parseQuery(t).map(u => u.terms.join(' '));
  }
  response.stems = request.words.map(w => core.wordTerm(w));
  process.stdout.write(JSON.stringify(response));
})().catch(e => { console.error(e); process.exit(1); });
