import Foundation
import GRDB

/// The versioned schema. Dates are day numbers (``LocalDate/dayNumber``), datetimes
/// nanoseconds since the epoch plus the local date, money and other decimals exact text.
/// Key columns that may be empty store '' so that "an empty cell equals an empty cell".
enum SQLiteSchema {
    static func migrator() -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-bundle") { db in
            try db.execute(sql: v1)
        }
        // Later features add their tables in migrations of their own files, in this order.
        registerPlans(&m)
        registerSentiment(&m)
        registerDetection(&m)
        registerReports(&m)
        return m
    }

    static let v1 = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE imports (import_id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, source TEXT NOT NULL);
    CREATE TABLE presence (file TEXT NOT NULL, column TEXT NOT NULL, has_values INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (file, column)) WITHOUT ROWID;
    CREATE TABLE accounts (account_id TEXT PRIMARY KEY, network TEXT NOT NULL, name TEXT NOT NULL, url TEXT,
        brand TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE account_daily (account_id TEXT NOT NULL, date INTEGER NOT NULL, followers INTEGER NOT NULL,
        joined INTEGER, "left" INTEGER, reach INTEGER, views INTEGER, visitors INTEGER,
        PRIMARY KEY (account_id, date)) WITHOUT ROWID;
    CREATE INDEX account_daily_date ON account_daily(date);
    CREATE TABLE posts (post_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, published_at INTEGER NOT NULL,
        local_date INTEGER NOT NULL, format TEXT NOT NULL, topic TEXT, campaign TEXT, partner TEXT, promoted INTEGER,
        url TEXT, text TEXT);
    CREATE INDEX posts_date ON posts(local_date);
    CREATE TABLE post_metrics (post_id TEXT NOT NULL, collected_at INTEGER NOT NULL, impressions INTEGER,
        reach INTEGER, likes INTEGER, comments INTEGER, reposts INTEGER, saves INTEGER, clicks INTEGER,
        video_views INTEGER, hides INTEGER, PRIMARY KEY (post_id, collected_at)) WITHOUT ROWID;
    CREATE TABLE comments (comment_id TEXT PRIMARY KEY, post_id TEXT NOT NULL, created_at INTEGER NOT NULL,
        local_date INTEGER NOT NULL, author_id TEXT, text TEXT, from_brand INTEGER, parent_id TEXT, sentiment TEXT,
        word_count INTEGER NOT NULL, has_letter INTEGER NOT NULL, import_id INTEGER NOT NULL, line INTEGER NOT NULL);
    CREATE INDEX comments_date ON comments(local_date);
    CREATE INDEX comments_brand_reply ON comments(parent_id) WHERE from_brand = 1 AND parent_id IS NOT NULL;
    CREATE INDEX comments_import_reply ON comments(import_id) WHERE parent_id IS NOT NULL;
    CREATE TABLE messages (message_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, received_at INTEGER NOT NULL,
        local_date INTEGER NOT NULL, first_response_at INTEGER, kind TEXT);
    CREATE INDEX messages_date ON messages(local_date);
    CREATE TABLE mentions (mention_id TEXT PRIMARY KEY, published_at INTEGER NOT NULL, local_date INTEGER NOT NULL,
        network TEXT, url TEXT, author TEXT, text TEXT, reach INTEGER, sentiment TEXT, has_letter INTEGER NOT NULL);
    CREATE INDEX mentions_date ON mentions(local_date);
    CREATE TABLE reviews (review_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, local_date INTEGER NOT NULL,
        network TEXT, rating INTEGER, text TEXT, sentiment TEXT, has_letter INTEGER NOT NULL);
    CREATE INDEX reviews_date ON reviews(local_date);
    CREATE TABLE ad_spend (date INTEGER NOT NULL, campaign TEXT NOT NULL, account_id TEXT NOT NULL,
        network TEXT NOT NULL, spend TEXT NOT NULL, impressions INTEGER, reach INTEGER, clicks INTEGER,
        PRIMARY KEY (date, campaign, account_id, network)) WITHOUT ROWID;
    CREATE TABLE other_costs (id INTEGER PRIMARY KEY, date INTEGER NOT NULL, category TEXT NOT NULL,
        amount TEXT NOT NULL, network TEXT);
    CREATE INDEX other_costs_date ON other_costs(date);
    CREATE TABLE web_sessions (date INTEGER NOT NULL, source TEXT NOT NULL, medium TEXT NOT NULL,
        campaign TEXT NOT NULL, content TEXT NOT NULL, sessions INTEGER NOT NULL, users INTEGER, pageviews INTEGER,
        bounces INTEGER, goal_completions INTEGER, duration_seconds INTEGER,
        PRIMARY KEY (date, source, medium, campaign, content)) WITHOUT ROWID;
    CREATE TABLE leads (lead_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, local_date INTEGER NOT NULL,
        source TEXT NOT NULL, campaign TEXT, content TEXT, qualified INTEGER, customer_id TEXT);
    CREATE INDEX leads_date ON leads(local_date);
    CREATE TABLE deals (deal_id TEXT PRIMARY KEY, closed_at INTEGER NOT NULL, local_date INTEGER NOT NULL,
        amount TEXT NOT NULL, lead_id TEXT, status TEXT, customer_id TEXT);
    CREATE INDEX deals_date ON deals(local_date);
    CREATE INDEX deals_lead ON deals(lead_id) WHERE lead_id IS NOT NULL;
    CREATE TABLE audience (account_id TEXT NOT NULL, date INTEGER NOT NULL, dimension TEXT NOT NULL,
        bucket TEXT NOT NULL, share TEXT NOT NULL, PRIMARY KEY (account_id, date, dimension, bucket)) WITHOUT ROWID;
    CREATE TABLE brand_searches (month INTEGER NOT NULL, query TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (month, query)) WITHOUT ROWID;
    CREATE TABLE content_plan (item_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, due_at INTEGER NOT NULL,
        due_date INTEGER NOT NULL, format TEXT, topic TEXT, post_id TEXT, approved INTEGER);
    CREATE INDEX content_plan_due ON content_plan(due_date);
    CREATE TABLE work_log (id INTEGER PRIMARY KEY, date INTEGER NOT NULL, person TEXT NOT NULL, hours TEXT NOT NULL,
        task TEXT);
    CREATE INDEX work_log_date ON work_log(date);
    """
}
