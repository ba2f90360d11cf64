/** Inline CSS of the report: no external fonts or images; the zh/en switch is pure CSS (no script). */
export const REPORT_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--line:#d9dee4;--bg:#fff;--soft:#f5f7f9;--ai:#b3261e;--real:#1e6b3a;--neutral:#56606b;--hi:#ffe8a3;--accent:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
.langsel{position:absolute;opacity:0;pointer-events:none}
#gp-l-en:checked~.page [lang=zh]{display:none}
#gp-l-zh:checked~.page [lang=en]{display:none}
#gp-l-en:checked~.page label[for=gp-l-en],#gp-l-zh:checked~.page label[for=gp-l-zh]{background:var(--fg);color:#fff}
.page{max-width:960px;margin:0 auto;padding:16px}
header{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between;border-bottom:1px solid var(--line);padding-bottom:8px}
h1{font-size:1.25rem;margin:0}
h2{font-size:1.1rem;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:1rem;margin:16px 0 6px}
.switch label{display:inline-block;border:1px solid var(--fg);padding:2px 10px;cursor:pointer;border-radius:4px;margin-left:4px}
.meta{color:var(--muted);font-size:.9rem}
.verdict{border-radius:8px;padding:12px 16px;margin:16px 0;background:var(--soft);border-left:6px solid var(--neutral)}
.verdict.q-undisclosed_ai,.verdict.q-false_ai_claim{border-left-color:var(--ai)}
.verdict.q-authentic,.verdict.q-disclosed_ai{border-left-color:var(--real)}
.verdict .big{font-size:1.4rem;font-weight:700}
.rating{border-radius:8px;padding:12px 16px;margin:16px 0;border:2px solid var(--neutral);background:var(--soft)}
.rating.r-scam,.rating.r-false{border-color:var(--ai)}.rating.r-misleading{border-color:#9a5b00}.rating.r-true{border-color:var(--real)}
.rating .big{font-size:1.6rem;font-weight:800}.rating .finding{font-size:1.1rem;margin:6px 0}
.search a,.zip{display:inline-block;padding:6px 2px;min-height:24px}
figcaption a{white-space:nowrap}
.matrix{display:grid;grid-template-columns:minmax(80px,.5fr) 1fr 1fr;gap:4px;margin:8px 0;font-size:.95rem}
.matrix .hd{font-weight:600;color:var(--muted);padding:6px;display:flex;align-items:center}
.matrix .cell{border:1px solid var(--line);border-radius:6px;padding:8px;min-height:64px;color:var(--muted)}
.matrix .cell b{display:block;font-size:1.05rem}
.matrix .cell.on{color:var(--fg);background:var(--hi);border:2px solid var(--fg)}
.matrix .corner{font-size:.8rem;color:var(--muted);padding:6px}
.undetermined{border:2px dashed var(--neutral);border-radius:6px;padding:8px 12px;margin:8px 0}
.undetermined.on{background:var(--hi)}
table{width:100%;border-collapse:collapse;font-size:.92rem}
td,th{text-align:left;vertical-align:top;padding:6px;border-bottom:1px solid var(--line)}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
.dir{display:inline-block;font-size:.78rem;border-radius:10px;padding:0 8px;color:#fff;white-space:nowrap}
.dir-ai{background:var(--ai)}.dir-real{background:var(--real)}.dir-neutral{background:var(--neutral)}
.st{font-weight:600}.st-refuted{color:var(--ai)}.st-supported{color:var(--real)}.st-unlikely{color:#9a5b00}.st-unverified{color:var(--neutral)}
ul{margin:4px 0 4px 20px;padding:0}
.frames{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
figure{margin:0}figure img{width:100%;height:auto;max-height:360px;object-fit:contain;background:var(--soft);border-radius:4px;border:1px solid var(--line);display:block}
figcaption{font-size:.8rem;color:var(--muted)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.bar{position:relative;height:10px;background:var(--soft);border:1px solid var(--line);border-radius:5px;margin:2px 0 8px}
.bar span{position:absolute;top:0;bottom:0;background:var(--accent);border-radius:5px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:8px 0}
footer{margin:32px 0 8px;color:var(--muted);font-size:.85rem}
@media (max-width:600px){.page{padding:10px}.matrix{grid-template-columns:1fr 1fr}.matrix .hd,.matrix .corner{display:none}.pair{grid-template-columns:1fr}td,th{padding:4px}.hide-sm{display:none}}
@media print{.switch{display:none}}
`;
