extension Templates {
    static let anomalies = #"""
<div class="page-head">
 <div><h1>{{t.anomalies.title}}</h1><p class="subtitle">{{periodTitle}} · {{t.anomalies.openCount}}: {{openCount}}</p></div>
</div>
{{#picker}}{{> period-picker}}{{/picker}}
{{^hasRows}}<div class="card empty section">{{t.anomalies.empty}}</div>{{/hasRows}}
<div class="section grid">
{{#rows}}
 <article class="card anomaly" data-anomaly="{{id}}">
  <div class="section-title">
   <h2>{{kindLabel}} · {{account}}</h2>
   <span class="badge badge-{{status}}">{{statusLabel}}</span>
  </div>
  <div class="grid grid-3">
   <div><div class="score-label">{{t.anomalies.dates}}</div><div>{{dates}}</div></div>
   <div><div class="score-label">{{t.anomalies.estimate}}</div><div class="kpi-value">{{estimate}}</div></div>
   <div><div class="score-label">{{t.anomalies.confidence}}</div><div class="kpi-value">{{confidence}}</div>{{{spark}}}</div>
  </div>
  <h3 class="mt">{{t.anomalies.evidence}}</h3>
  <p>{{evidence}}{{#hasPost}} · <a href="{{postURL}}" rel="noopener noreferrer" target="_blank">{{t.dashboard.post}}</a>{{/hasPost}}</p>
  <p class="small muted">{{#figures}}<span>{{name}}: <strong>{{value}}</strong></span> · {{/figures}}<code>{{id}}</code></p>
  {{#hasNote}}<p class="small">{{t.anomalies.note}}: {{verdictNote}}</p>{{/hasNote}}
  {{#canReview}}
  <form method="post" action="{{reviewAction}}" class="actions">
   <input type="hidden" name="csrf_token" value="{{csrf}}">
   <input type="hidden" name="id" value="{{id}}">
   <input type="hidden" name="back" value="{{back}}">
   <label class="sr-only" for="note-{{id}}">{{t.anomalies.note}}</label>
   <input id="note-{{id}}" name="note" placeholder="{{t.anomalies.note}}" size="30">
   <button class="btn btn-good btn-sm" type="submit" name="verdict" value="confirmed">{{t.anomalies.confirm}}</button>
   <button class="btn btn-bad btn-sm" type="submit" name="verdict" value="dismissed">{{t.anomalies.dismiss}}</button>
  </form>
  {{/canReview}}
 </article>
{{/rows}}
</div>
"""#
}
