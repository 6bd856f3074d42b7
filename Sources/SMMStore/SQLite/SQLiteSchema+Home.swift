import GRDB

extension SQLiteSchema {
    /// The control tables of a home database (docs/decisions/0004): only the home file has them.
    /// The `default` workspace exists from the start: its data is this file's own tables.
    static func registerHome(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("home-v1") { db in
            try db.execute(sql: """
                CREATE TABLE workspaces (workspace_id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE users (user_id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    name TEXT NOT NULL, password_hash TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'ru',
                    created_at TEXT NOT NULL);
                CREATE TABLE memberships (
                    user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
                    workspace_id INTEGER NOT NULL REFERENCES workspaces(workspace_id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('owner', 'director', 'specialist', 'client')),
                    PRIMARY KEY (user_id, workspace_id)) WITHOUT ROWID;
                CREATE TABLE sessions (token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX sessions_user ON sessions(user_id);
                CREATE TABLE api_tokens (token_id INTEGER PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
                    name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL,
                    created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT);
                """)
            try db.execute(sql: "INSERT INTO workspaces (slug, name, created_at) VALUES ('default', 'Default', ?)",
                           arguments: [SQLiteStore.timestamp()])
        }
    }
}
