/** The demo page's markup; {@link mountDemo} fills in the `data-role` elements. */
export const LAYOUT = `
<header class="demo-header">
  <a class="back" href="../">← all demos</a>
  <h1 data-role="title"></h1>
  <p data-role="description"></p>
</header>
<div class="banner error" data-role="error" role="alert" hidden><span data-role="error-text"></span> <button type="button" data-role="recover" hidden></button></div>
<div class="banner warning" data-role="warning" role="status" hidden></div>
<div class="banner info" data-role="preset-why" role="status" hidden></div>
<div class="statusbar">
  <span class="pill" data-role="status">loading</span>
  <span>step <b data-role="step-count">0</b></span>
  <span><b data-role="rate">0.0</b> steps/s</span>
  <span>backend <b data-role="backend">…</b></span>
  <span class="notes" data-role="notes"></span>
  <span class="message" data-role="message"></span>
  <span class="quality" data-role="quality" title="Sample quality, measured between steps (every ?quality= seconds, on ?qualitySamples= samples)"></span>
  <button type="button" data-role="measure" title="Score the samples now, between two steps" hidden>Measure now</button>
</div>
<main class="demo-main">
  <section class="view">
    <h2>Samples <small data-role="view-step"></small></h2>
    <canvas data-role="samples" class="samples" width="8" height="8"></canvas>
    <div class="row">
      <button type="button" data-role="export-png">Export PNG</button>
      <button type="button" data-role="export-generator">Download generator</button>
    </div>
    <div class="downloads" data-role="downloads"></div>
    <h2>Losses</h2>
    <canvas data-role="chart" class="chart" width="640" height="220"></canvas>
    <div class="legend" data-role="legend"></div>
    <div class="metrics" data-role="metrics" hidden>
      <h2>Sample quality <small>per run, at each view</small></h2>
      <div data-role="metric-charts"></div>
    </div>
  </section>
  <aside class="panel">
    <div class="row">
      <button type="button" data-role="pause" disabled>Pause</button>
      <button type="button" data-role="resume" disabled>Resume</button>
      <button type="button" data-role="reset" disabled>Reset</button>
    </div>
    <div class="stepper">
      <div class="row">
        <button type="button" data-role="step" title="While paused: one training step of every run, each by its own adversarial optimizer" disabled>One step</button>
        <span class="players" data-role="step-players"></span>
      </div>
      <label class="check" title="A view after every step, and a pause between steps"><input type="checkbox" data-role="slow-motion" /> Slow motion</label>
      <ol class="step-log" data-role="step-log" title="Who each run updated in its latest steps, newest first"></ol>
    </div>
    <label class="knob" title="Which tfjs backend trains; switching restarts the worker">
      <span>Backend</span><select data-role="backend-select"></select>
    </label>
    <div class="input" data-role="input" hidden>
      <h2>Data</h2>
      <label class="knob"><span data-role="input-label"></span><input type="file" multiple data-role="files" /></label>
      <p class="hint">Or drop files anywhere on the page.</p>
    </div>
    <div data-role="tools"></div>
    <h2>Settings</h2>
    <p class="hint">Changing a setting restarts training from scratch.</p>
    <div class="knobs" data-role="knobs"></div>
    <div class="share">
      <button type="button" data-role="share" title="A link that starts this run with these settings (seed included)">Copy link to this run</button>
      <span class="hint" data-role="share-note"></span>
      <input type="text" readonly data-role="share-url" aria-label="Link to this run" hidden />
    </div>
    <h2>Checkpoints</h2>
    <p class="hint">Saved in this browser (IndexedDB). Loading one pauses on its samples.</p>
    <button type="button" data-role="save" disabled>Save checkpoint</button>
    <ul class="checkpoints" data-role="checkpoints"></ul>
  </aside>
</main>`;
