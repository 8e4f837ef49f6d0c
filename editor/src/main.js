// The editor of `worksheets serve --edit`: CodeMirror 6 with YAML, completion and hover from the project's
// JSON Schema (codemirror-json-schema), and the server's problems as underlines (@codemirror/lint).
// Bundled by build.mjs into one file the page loads as window.WorksheetsEditor.
import { EditorView, basicSetup } from "codemirror";
import { keymap, hoverTooltip } from "@codemirror/view";
import { EditorState, ChangeSet } from "@codemirror/state";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { yamlCompletion, yamlSchemaHover } from "codemirror-json-schema/yaml";
import { stateExtensions, updateSchema } from "codemirror-json-schema";

// A problem's FILE:LINE:COLUMN (1-based; column 0 or missing: the whole line) as a range in the document.
function range(doc, line, column) {
  const number = Math.min(Math.max(line || 1, 1), doc.lines);
  const text = doc.line(number);
  if (!column) return { from: text.from, to: Math.max(text.to, text.from) };
  // the column counts characters (code points); the document counts UTF-16 units
  const from = Math.min(text.from + Array.from(text.text).slice(0, column - 1).join("").length, text.to);
  const rest = text.text.slice(from - text.from);
  const word = /^[^\s:,\]}]+/.exec(rest);
  return { from, to: word ? from + word[0].length : Math.min(from + 1, text.to) };
}

function create(parent, options) {
  // the text as it was saved, and the edits made since: a build's problems are placed on the saved text, then
  // carried through what the teacher typed while it ran
  let saved = null, since = null;
  const saveKeys = keymap.of([{ key: "Mod-s", preventDefault: true, run: () => { options.onSave(); return true; } }]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc || "",
      extensions: [
        basicSetup,
        EditorView.lineWrapping,  // a teacher's prose is long lines: wrapped, never scrolled sideways
        saveKeys,
        yaml(),
        lintGutter(),
        yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
        hoverTooltip(yamlSchemaHover()),
        stateExtensions(options.schema),
        EditorView.updateListener.of(update => {
          if (!update.docChanged) return;
          if (since) since = since.compose(update.changes);
          if (options.onChange) options.onChange();
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    markSaved() { saved = view.state.doc; since = ChangeSet.empty(saved.length); },
    load(text, schema) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      saved = since = null;
      if (schema) updateSchema(view, schema);
      view.dispatch(setDiagnostics(view.state, []));
    },
    reveal(line, column) {
      const { from } = range(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    },
    problems(list) {
      const doc = saved || view.state.doc;
      const diagnostics = list.map(p => {
        const { from, to } = range(doc, p.line, p.column);
        const at = since ? { from: since.mapPos(from, 1), to: Math.max(since.mapPos(to, -1), since.mapPos(from, 1)) }
                         : { from, to };
        return { ...at, severity: p.severity || "error", message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}

window.WorksheetsEditor = { create };
