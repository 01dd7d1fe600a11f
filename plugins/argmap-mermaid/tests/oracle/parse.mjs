// Parse a Mermaid flowchart from standard input with the real Mermaid parser and print what it
// understood as JSON: vertices, edges and subgraphs. No browser: jsdom stands in for the DOM.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 10000000, maxEdges: 1000000 });

const text = readFileSync(0, 'utf8');
try {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  const vertices = [...db.getVertices().values()].map((v) => ({
    id: v.id, text: v.text, type: v.type, classes: v.classes,
  }));
  const edges = db.getEdges().map((e) => ({
    start: e.start, end: e.end, type: e.type, stroke: e.stroke, text: e.text,
  }));
  const subgraphs = db.getSubGraphs().map((s) => ({ id: s.id, title: s.title, nodes: s.nodes }));
  const title = diagram.db.getDiagramTitle ? diagram.db.getDiagramTitle() : null;
  process.stdout.write(JSON.stringify({ ok: true, title, type: diagram.type, vertices, edges, subgraphs }));
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.message || error) }));
}
