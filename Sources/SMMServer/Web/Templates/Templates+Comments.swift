extension Templates {
    static let comments = #"""
<div class="page-head">
 <div><h1>{{t.comments.title}}</h1><p class="subtitle">{{periodTitle}}</p></div>
 <div class="segmented" role="group" aria-label="{{t.comments.title}}">{{#views}}<a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a>{{/views}}</div>
</div>
{{#picker}}{{> period-picker}}{{/picker}}
<div class="section grid grid-2">
 <div class="card">
  <h2>{{t.comments.filter}}</h2>
  <div class="segmented" role="group" aria-label="{{t.comments.filter}}">{{#filters}}<a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}} <span class="muted small">{{count}}</span></a>{{/filters}}</div>
  <p class="small muted mt">{{shown}}</p>
 </div>
 <figure class="card chart-card"><h3>{{t.comments.sentiment}}</h3>{{{summarySVG}}}</figure>
</div>
{{^hasRows}}<div class="card empty">{{t.comments.empty}}</div>{{/hasRows}}
{{#hasRows}}
<div class="card table-wrap">
 <table>
  <thead><tr><th>{{t.comments.date}}</th><th>{{t.comments.source}}</th><th>{{t.comments.text}}</th><th>{{t.comments.sentiment}}</th>{{#canCorrect}}<th>{{t.comments.correct}}</th>{{/canCorrect}}</tr></thead>
  <tbody>
  {{#rows}}
   <tr>
    <td class="small">{{date}}</td>
    <td class="small">{{source}}<div class="muted">{{author}}</div></td>
    <td class="clip">{{#hasURL}}<a href="{{url}}" rel="noopener noreferrer" target="_blank">{{text}}</a>{{/hasURL}}{{^hasURL}}{{text}}{{/hasURL}}{{#question}} <span class="badge badge-question">{{t.comments.question}}</span>{{/question}}</td>
    <td><span class="badge badge-{{sentiment}}">{{sentimentLabel}}</span>{{#corrected}} <span class="small muted">({{t.comments.corrected}})</span>{{/corrected}}</td>
    {{#canCorrect}}
    <td>
     <form method="post" action="{{labelAction}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="kind" value="{{kind}}"><input type="hidden" name="id" value="{{id}}"><input type="hidden" name="back" value="{{back}}">
      <select name="label" aria-label="{{t.comments.sentiment}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
      <button class="btn btn-ghost btn-sm" type="submit">{{t.comments.correct}}</button>
     </form>
    </td>
    {{/canCorrect}}
   </tr>
  {{/rows}}
  </tbody>
 </table>
</div>
{{/hasRows}}
"""#
}
