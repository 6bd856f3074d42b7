extension Templates {
    static let settings = #"""
<div class="page-head"><div><h1>{{t.settings.title}}</h1></div></div>
<div class="grid grid-2">
 <section class="card">
  <h2>{{t.settings.language}}</h2>
  <form method="post" action="/settings/language" class="inline">
   <input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="back" value="/settings">
   <label class="sr-only" for="set-lang">{{t.settings.language}}</label>
   <select id="set-lang" name="language">{{#languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}</select>
   <button class="btn btn-sm" type="submit">{{t.settings.save}}</button>
  </form>
  <h2 class="mt">{{t.settings.roles}}</h2>
  <ul class="smart-list">{{#roles}}<li><span class="badge badge-role">{{label}}</span> <span class="small">{{hint}}</span></li>{{/roles}}</ul>
 </section>
 <section class="card">
  <h2>{{t.settings.tokens}}</h2>
  {{#newToken}}<div class="notice notice-ok" role="status">{{t.settings.tokenShown}}<br><code id="new-token">{{.}}</code></div>{{/newToken}}
  {{#hasTokens}}
  <table>
   <thead><tr><th>{{t.settings.tokenName}}</th><th>{{t.settings.scopes}}</th><th>{{t.settings.lastUsed}}</th><th></th></tr></thead>
   <tbody>{{#tokens}}<tr><td>{{name}}<div class="small muted">{{created}}</div></td><td>{{scopes}}</td><td class="small">{{lastUsed}}</td>
    <td>{{^revoked}}<form method="post" action="/settings/tokens/{{id}}/revoke" class="inline"><input type="hidden" name="csrf_token" value="{{csrf}}"><button class="btn btn-bad btn-sm" type="submit">{{t.settings.revoke}}</button></form>{{/revoked}}{{#revoked}}<span class="badge badge-dismissed">{{t.settings.revoked}}</span>{{/revoked}}</td></tr>{{/tokens}}</tbody>
  </table>
  {{/hasTokens}}
  <form method="post" action="/settings/tokens" class="actions">
   <input type="hidden" name="csrf_token" value="{{csrf}}">
   <label class="sr-only" for="tok-name">{{t.settings.tokenName}}</label>
   <input id="tok-name" name="name" placeholder="{{t.settings.tokenName}}" required>
   <label class="small"><input type="checkbox" name="scope_write" value="1"> {{t.settings.scopeWrite}}</label>
   <button class="btn btn-sm" type="submit">{{t.settings.newToken}}</button>
  </form>
 </section>
</div>
{{#connections}}
<section class="section card table-wrap connections" id="connections-{{slug}}">
 <h2>{{t.settings.connections}} — {{name}}</h2>
 {{#hasRows}}
 <table>
  <thead><tr><th>{{t.settings.source}}</th><th>{{t.settings.name}}</th><th>{{t.settings.lastSync}}</th><th>{{t.settings.status}}</th><th></th></tr></thead>
  <tbody>{{#rows}}<tr><td><code>{{source}}</code></td><td><strong>{{name}}</strong></td><td class="small">{{lastSync}}</td><td class="small">{{status}}<div class="muted">{{message}}</div></td>
   <td><form method="post" action="/w/{{slug}}/settings/connections/remove" class="inline"><input type="hidden" name="csrf_token" value="{{csrf}}"><input type="hidden" name="name" value="{{name}}"><button class="btn btn-bad btn-sm" type="submit">{{t.settings.remove}}</button></form></td></tr>{{/rows}}</tbody>
 </table>
 {{/hasRows}}
 {{^hasRows}}<p class="muted">{{t.settings.noConnections}}</p>{{/hasRows}}
 <h3 class="mt">{{t.settings.addConnection}}</h3>
 {{#problem}}<div class="notice notice-info" role="status">{{.}}</div>{{/problem}}
 <form method="post" action="/w/{{slug}}/settings/connections" class="form-grid" autocomplete="off">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <fieldset{{#formDisabled}} disabled{{/formDisabled}}>
  <p class="small muted">{{t.settings.connectionHint}}</p>
  <div class="field"><label for="cn-{{slug}}-source">{{t.settings.source}}</label><select id="cn-{{slug}}-source" name="source">{{#sources}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sources}}</select></div>
  <div class="field"><label for="cn-{{slug}}-name">{{t.settings.name}}</label><input id="cn-{{slug}}-name" name="name"></div>
  {{#inputs}}<div class="field"><label for="{{id}}"><code>{{name}}</code> <span class="small muted">{{sources}}</span></label><input id="{{id}}" name="p.{{name}}"{{#secret}} type="password" autocomplete="new-password"{{/secret}} title="{{help}}"><div class="small muted">{{help}}</div></div>{{/inputs}}
  <div class="field"><label>&nbsp;</label><button class="btn" type="submit">{{t.settings.addConnection}}</button></div>
  </fieldset>
 </form>
</section>
{{/connections}}
{{#canManage}}
<section class="section card table-wrap">
 <h2>{{t.settings.users}}</h2>
 <table>
  <thead><tr><th>{{t.settings.username}}</th><th>{{t.settings.name}}</th><th>{{t.settings.role}}</th><th>{{t.settings.created}}</th></tr></thead>
  <tbody>{{#users}}<tr><td><strong>{{login}}</strong></td><td>{{name}}</td><td class="small">{{roles}}</td><td class="small muted">{{created}}</td></tr>{{/users}}</tbody>
 </table>
 <h3 class="mt">{{t.settings.addUser}}</h3>
 <form method="post" action="/settings/users" class="form-grid">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <div class="field"><label for="nu-login">{{t.settings.username}}</label><input id="nu-login" name="login" required autocomplete="off"></div>
  <div class="field"><label for="nu-name">{{t.settings.name}}</label><input id="nu-name" name="name"></div>
  <div class="field"><label for="nu-pass">{{t.settings.password}}</label><input id="nu-pass" name="password" type="password" required minlength="8" autocomplete="new-password"></div>
  <div class="field"><label for="nu-role">{{t.settings.role}}</label><select id="nu-role" name="role">{{#roleOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roleOptions}}</select></div>
  <div class="field"><label for="nu-ws">{{t.workspace.label}}</label><select id="nu-ws" name="workspace">{{#workspaceOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/workspaceOptions}}</select></div>
  <div class="field"><label>&nbsp;</label><button class="btn" type="submit">{{t.settings.addUser}}</button></div>
 </form>
</section>
{{/canManage}}
<section class="section card table-wrap">
 <h2>{{t.settings.workspaces}}</h2>
 <table>
  <thead><tr><th>{{t.settings.name}}</th><th>{{t.settings.slug}}</th><th>{{t.settings.role}}</th><th>{{t.settings.created}}</th></tr></thead>
  <tbody>{{#workspaces}}<tr><td><a href="{{href}}"><strong>{{name}}</strong></a></td><td><code>{{slug}}</code></td><td><span class="badge badge-role">{{role}}</span></td><td class="small muted">{{created}}</td></tr>{{/workspaces}}</tbody>
 </table>
 {{#canManage}}
 <h3 class="mt">{{t.settings.addWorkspace}}</h3>
 <form method="post" action="/settings/workspaces" class="form-grid">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <div class="field"><label for="nw-slug">{{t.settings.slug}}</label><input id="nw-slug" name="slug" required pattern="[a-z0-9][a-z0-9-]*"></div>
  <div class="field"><label for="nw-name">{{t.settings.name}}</label><input id="nw-name" name="name" required></div>
  <div class="field"><label>&nbsp;</label><button class="btn" type="submit">{{t.settings.addWorkspace}}</button></div>
 </form>
 {{/canManage}}
</section>
"""#
}
