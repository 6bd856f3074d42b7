/// The OpenAPI 3.1 document of the JSON API, served at `/openapi.json`. Tests check that every
/// registered API route is in it and every path in it is a registered route.
/// Parameters, responses and request bodies used by more than one operation are written once under
/// `components` and referenced with `$ref` (a test checks every reference resolves and every component is used).
package enum OpenAPIDocument {
    package static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "smmkpi",
  "version": "1",
  "description": "The JSON API of smmkpi: KPIs, plans and scorecards, anomalies, comments, imports, per workspace. Authenticate with an API token (Authorization: Bearer smk_…; `smmkpi user token add LOGIN`) or a browser session (then send X-CSRF-Token on writes). Every error is {\"error\": {\"code\", \"message\", \"problems\"}}."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  },
  {
   "session": []
  }
 ],
 "paths": {
  "/healthz": {
   "get": {
    "summary": "Liveness: answers ok.",
    "tags": [
     "system"
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Text"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/metrics": {
   "get": {
    "summary": "Prometheus metrics (text format 0.0.4).",
    "tags": [
     "system"
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Text"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document.",
    "tags": [
     "system"
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/JSONObject"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/api/v1/me": {
   "get": {
    "summary": "The caller: login, language and workspaces with roles.",
    "tags": [
     "api"
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Me"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/me/language": {
   "post": {
    "summary": "Sets the caller's interface language.",
    "tags": [
     "api"
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Me"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "language"
        ],
        "properties": {
         "language": {
          "type": "string",
          "enum": [
           "ru",
           "en"
          ]
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/me/tokens": {
   "get": {
    "summary": "The caller's API tokens (never their secrets).",
    "tags": [
     "api"
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Token"
         }
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Creates an API token; its secret is in this answer only.",
    "tags": [
     "api"
    ],
    "responses": {
     "201": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Token"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NewToken"
       }
      }
     }
    }
   }
  },
  "/api/v1/me/tokens/{token}": {
   "delete": {
    "summary": "Revokes one of the caller's tokens.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "name": "token",
      "in": "path",
      "required": true,
      "description": "The token's id.",
      "schema": {
       "type": "integer",
       "format": "int64"
      }
     }
    ],
    "responses": {
     "204": {
      "$ref": "#/components/responses/Done"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces": {
   "get": {
    "summary": "The workspaces the caller may open, with the role in each.",
    "tags": [
     "api"
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/WorkspaceRole"
         }
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Creates a workspace (owners).",
    "tags": [
     "api"
    ],
    "responses": {
     "201": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WorkspaceRole"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NewWorkspace"
       }
      }
     }
    }
   }
  },
  "/api/v1/users": {
   "get": {
    "summary": "Every user with their roles (owners).",
    "tags": [
     "api"
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/User"
         }
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Creates a user with a role in one workspace (owners).",
    "tags": [
     "api"
    ],
    "responses": {
     "201": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/NewUser"
       }
      }
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}": {
   "get": {
    "summary": "The workspace: time zone, currency, dates covered, accounts.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WorkspaceSettings"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/kpi": {
   "get": {
    "summary": "KPIs of a period with the previous period beside them: the JSON of `smmkpi kpi --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/period"
     },
     {
      "$ref": "#/components/parameters/accounts"
     },
     {
      "name": "networks",
      "in": "query",
      "required": false,
      "description": "Comma-separated networks: only their accounts.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "metrics",
      "in": "query",
      "required": false,
      "description": "Comma-separated metric ids.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "task",
      "in": "query",
      "required": false,
      "description": "A business task whose KPI set to show.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "by",
      "in": "query",
      "required": false,
      "description": "Breakdown.",
      "schema": {
       "type": "string",
       "enum": [
        "account",
        "network",
        "format",
        "topic",
        "campaign",
        "partner"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/KPIReport"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/plans": {
   "get": {
    "summary": "Stored plans: the JSON of `smmkpi plan list --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/PlanSummary"
         }
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Saves a plan from its YAML (a stored plan of the same name is replaced: 200).",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "name": "name",
      "in": "query",
      "required": false,
      "description": "Overrides the plan's name.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "201": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Plan"
        }
       }
      }
     },
     "200": {
      "description": "Created.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Plan"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "$ref": "#/components/requestBodies/PlanYAML"
    }
   }
  },
  "/api/v1/workspaces/{workspace}/plan-check": {
   "post": {
    "summary": "The SMART checks of a plan YAML, without saving it: `smmkpi plan check --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PlanCheck"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "$ref": "#/components/requestBodies/PlanYAML"
    }
   }
  },
  "/api/v1/workspaces/{workspace}/plans/{plan}": {
   "get": {
    "summary": "A stored plan: `smmkpi plan show --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/plan"
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Plan"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "delete": {
    "summary": "Removes a stored plan.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/plan"
     }
    ],
    "responses": {
     "204": {
      "$ref": "#/components/responses/Done"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/plans/{plan}/score": {
   "get": {
    "summary": "The plan's scorecard: `smmkpi score --format json` (with history: `{\"history\": [...]}`).",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/plan"
     },
     {
      "name": "as_of",
      "in": "query",
      "required": false,
      "description": "Evaluate as if today were this date.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "history",
      "in": "query",
      "required": false,
      "description": "Evaluate N periods (1–60), oldest first.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 60
      }
     }
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/JSONObject"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/anomalies": {
   "get": {
    "summary": "Suspected cheating with evidence: `smmkpi anomalies --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "name": "period",
      "in": "query",
      "required": false,
      "description": "Only anomalies touching this period (default: all dates).",
      "schema": {
       "$ref": "#/components/schemas/PeriodLabel"
      }
     },
     {
      "$ref": "#/components/parameters/accounts"
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AnomalyListing"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/anomalies/{anomaly}/confirm": {
   "post": {
    "summary": "Confirms an anomaly (directors).",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/anomaly"
     }
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Anomaly"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "$ref": "#/components/requestBodies/VerdictOptional"
    }
   }
  },
  "/api/v1/workspaces/{workspace}/anomalies/{anomaly}/dismiss": {
   "post": {
    "summary": "Dismisses an anomaly (directors).",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/anomaly"
     }
    ],
    "responses": {
     "200": {
      "$ref": "#/components/responses/Anomaly"
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "$ref": "#/components/requestBodies/VerdictOptional"
    }
   }
  },
  "/api/v1/workspaces/{workspace}/comments": {
   "get": {
    "summary": "Comments of a period with their sentiment: `smmkpi comments --format json`.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "$ref": "#/components/parameters/period"
     },
     {
      "$ref": "#/components/parameters/accounts"
     },
     {
      "name": "sentiment",
      "in": "query",
      "required": false,
      "description": "Only this label.",
      "schema": {
       "type": "string",
       "enum": [
        "positive",
        "neutral",
        "negative"
       ]
      }
     },
     {
      "name": "unanswered",
      "in": "query",
      "required": false,
      "description": "Only customer questions the brand has not answered.",
      "schema": {
       "type": "boolean"
      }
     },
     {
      "name": "include_brand",
      "in": "query",
      "required": false,
      "description": "Include the brand's own comments.",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Comments"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/comments/{comment}/sentiment": {
   "post": {
    "summary": "Corrects a comment's sentiment (null removes the correction).",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "name": "comment",
      "in": "path",
      "required": true,
      "description": "The comment's id.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Label"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/LabelBody"
       }
      }
     }
    }
   }
  },
  "/api/v1/workspaces/{workspace}/imports": {
   "post": {
    "summary": "Imports a bundle .zip, all or nothing; refused bundles answer 422 with the problems.",
    "tags": [
     "api"
    ],
    "parameters": [
     {
      "$ref": "#/components/parameters/workspace"
     },
     {
      "name": "name",
      "in": "query",
      "required": false,
      "description": "The file name to show in messages.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "201": {
      "description": "OK.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportSummary"
        }
       }
      }
     },
     "default": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/zip": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      },
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "required": [
         "bundle"
        ],
        "properties": {
         "bundle": {
          "type": "string",
          "format": "binary"
         },
         "csrf_token": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   },
   "session": {
    "type": "apiKey",
    "in": "cookie",
    "name": "smmkpi_session"
   }
  },
  "parameters": {
   "workspace": {
    "name": "workspace",
    "in": "path",
    "required": true,
    "description": "The workspace's slug.",
    "example": "default",
    "schema": {
     "type": "string",
     "pattern": "^[a-z0-9][a-z0-9-]{0,39}$"
    }
   },
   "period": {
    "name": "period",
    "in": "query",
    "required": true,
    "description": "2025-W05, 2024-11, 2024-Q4, 2024 or 2024-11-03..2024-11-17.",
    "schema": {
     "$ref": "#/components/schemas/PeriodLabel"
    }
   },
   "accounts": {
    "name": "accounts",
    "in": "query",
    "required": false,
    "description": "Comma-separated account ids (default: all).",
    "schema": {
     "type": "string"
    }
   },
   "plan": {
    "name": "plan",
    "in": "path",
    "required": true,
    "description": "The plan's id or name.",
    "schema": {
     "type": "string"
    },
    "example": "1"
   },
   "anomaly": {
    "name": "anomaly",
    "in": "path",
    "required": true,
    "description": "The anomaly's id, e.g. bf:vk_main:2024-11-11.",
    "schema": {
     "type": "string"
    }
   }
  },
  "responses": {
   "Error": {
    "description": "An error, as a sentence.",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Text": {
    "content": {
     "text/plain": {
      "schema": {
       "type": "string"
      }
     }
    },
    "description": "OK."
   },
   "JSONObject": {
    "content": {
     "application/json": {
      "schema": {
       "type": "object"
      }
     }
    },
    "description": "OK."
   },
   "Me": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Me"
      }
     }
    },
    "description": "OK."
   },
   "Done": {
    "description": "Done."
   },
   "Anomaly": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Anomaly"
      }
     }
    },
    "description": "OK."
   }
  },
  "requestBodies": {
   "PlanYAML": {
    "content": {
     "application/yaml": {
      "schema": {
       "type": "string"
      }
     },
     "text/plain": {
      "schema": {
       "type": "string"
      }
     }
    },
    "required": true
   },
   "VerdictOptional": {
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Verdict"
      }
     }
    },
    "required": false
   }
  },
  "schemas": {
   "PeriodLabel": {
    "example": "2026-10",
    "pattern": "^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}|-Q[1-4])?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}[.][.][0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "type": "string",
    "description": "A period label: 2025-W05, 2024-11, 2024-Q4, 2024 or 2024-11-03..2024-11-17."
   },
   "Period": {
    "type": "object",
    "properties": {
     "kind": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "from": {
      "type": "string"
     },
     "to": {
      "type": "string"
     }
    },
    "required": [
     "kind",
     "label",
     "from",
     "to"
    ]
   },
   "Metric": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "value": {
      "type": [
       "number",
       "null"
      ]
     },
     "previous": {
      "type": [
       "number",
       "null"
      ]
     },
     "change_abs": {
      "type": [
       "number",
       "null"
      ]
     },
     "change_pct": {
      "type": [
       "number",
       "null"
      ]
     },
     "unit": {
      "type": "string"
     },
     "better": {
      "type": "string"
     },
     "group": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "value",
     "previous",
     "change_abs",
     "change_pct",
     "unit",
     "better",
     "group"
    ]
   },
   "Error": {
    "type": "object",
    "properties": {
     "error": {
      "type": "object",
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       },
       "problems": {
        "type": "array",
        "items": {
         "type": "string"
        }
       }
      },
      "required": [
       "code",
       "message",
       "problems"
      ]
     }
    },
    "required": [
     "error"
    ]
   },
   "Me": {
    "type": "object",
    "properties": {
     "login": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "language": {
      "type": "string"
     },
     "workspaces": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/WorkspaceRole"
      }
     }
    },
    "required": [
     "login",
     "name",
     "language",
     "workspaces"
    ]
   },
   "WorkspaceRole": {
    "type": "object",
    "properties": {
     "slug": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "role": {
      "type": "string",
      "enum": [
       "owner",
       "director",
       "specialist",
       "client"
      ]
     }
    },
    "required": [
     "slug",
     "name",
     "role"
    ]
   },
   "Token": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "scopes": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "read",
        "write"
       ]
      }
     },
     "created_at": {
      "type": "string"
     },
     "last_used_at": {
      "type": [
       "string",
       "null"
      ]
     },
     "revoked_at": {
      "type": [
       "string",
       "null"
      ]
     },
     "token": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "id",
     "name",
     "scopes",
     "created_at"
    ]
   },
   "NewToken": {
    "type": "object",
    "required": [
     "name"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "scopes": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "read",
        "write"
       ]
      }
     }
    }
   },
   "NewWorkspace": {
    "type": "object",
    "required": [
     "slug"
    ],
    "properties": {
     "slug": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$"
     },
     "name": {
      "type": "string"
     }
    }
   },
   "NewUser": {
    "type": "object",
    "required": [
     "login",
     "password"
    ],
    "properties": {
     "login": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "password": {
      "type": "string",
      "minLength": 8
     },
     "language": {
      "type": "string",
      "enum": [
       "ru",
       "en"
      ]
     },
     "workspace": {
      "type": "string"
     },
     "role": {
      "type": "string",
      "enum": [
       "owner",
       "director",
       "specialist",
       "client"
      ]
     }
    }
   },
   "User": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "login": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "language": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "workspaces": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/WorkspaceRole"
      }
     }
    },
    "required": [
     "id",
     "login",
     "name",
     "language",
     "created_at",
     "workspaces"
    ]
   },
   "WorkspaceSettings": {
    "type": "object",
    "properties": {
     "slug": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "role": {
      "type": "string"
     },
     "timezone": {
      "type": [
       "string",
       "null"
      ]
     },
     "currency": {
      "type": [
       "string",
       "null"
      ]
     },
     "first_date": {
      "type": [
       "string",
       "null"
      ]
     },
     "last_date": {
      "type": [
       "string",
       "null"
      ]
     },
     "accounts": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "account_id": {
         "type": "string"
        },
        "network": {
         "type": "string"
        },
        "name": {
         "type": "string"
        }
       },
       "required": [
        "account_id",
        "network",
        "name"
       ]
      }
     }
    },
    "required": [
     "slug",
     "name",
     "role",
     "accounts"
    ]
   },
   "KPIReport": {
    "type": "object",
    "properties": {
     "period": {
      "$ref": "#/components/schemas/Period"
     },
     "previous": {
      "$ref": "#/components/schemas/Period"
     },
     "scope": {
      "type": "object",
      "properties": {
       "accounts": {
        "type": "array",
        "items": {
         "type": "string"
        }
       }
      },
      "required": [
       "accounts"
      ]
     },
     "currency": {
      "type": "string"
     },
     "metrics": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Metric"
      }
     },
     "groups": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "key": {
         "type": [
          "string",
          "null"
         ]
        },
        "metrics": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Metric"
         }
        }
       },
       "required": [
        "key",
        "metrics"
       ]
      }
     }
    },
    "required": [
     "period",
     "previous",
     "scope",
     "currency",
     "metrics"
    ]
   },
   "PlanSummary": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "period": {
      "type": "string"
     },
     "kpis": {
      "type": "integer"
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "name",
     "period",
     "kpis",
     "created_at",
     "updated_at"
    ]
   },
   "Plan": {
    "type": "object",
    "required": [
     "period",
     "kpis"
    ],
    "properties": {
     "id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "name": {
      "type": [
       "string",
       "null"
      ]
     },
     "period": {
      "type": "string"
     },
     "kpis": {
      "type": "array",
      "items": {
       "type": "object"
      }
     }
    }
   },
   "PlanCheck": {
    "type": "object",
    "required": [
     "period",
     "warnings",
     "notes",
     "kpis"
    ],
    "properties": {
     "period": {
      "type": "string"
     },
     "warnings": {
      "type": "integer"
     },
     "notes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "kpis": {
      "type": "array",
      "items": {
       "type": "object"
      }
     }
    }
   },
   "Anomaly": {
    "type": "object",
    "required": [
     "id",
     "kind",
     "status"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "status": {
      "type": "string"
     }
    }
   },
   "AnomalyListing": {
    "type": "object",
    "required": [
     "period",
     "scope",
     "anomalies"
    ],
    "properties": {
     "period": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Period"
       },
       {
        "type": "null"
       }
      ]
     },
     "scope": {
      "type": "object",
      "properties": {
       "accounts": {
        "type": "array",
        "items": {
         "type": "string"
        }
       }
      },
      "required": [
       "accounts"
      ]
     },
     "anomalies": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Anomaly"
      }
     }
    }
   },
   "Verdict": {
    "type": "object",
    "properties": {
     "note": {
      "type": "string"
     }
    }
   },
   "Comments": {
    "type": "object",
    "properties": {
     "period": {
      "$ref": "#/components/schemas/Period"
     },
     "comments": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "comment_id",
        "post_id",
        "sentiment",
        "question",
        "answered"
       ],
       "properties": {
        "comment_id": {
         "type": "string"
        },
        "post_id": {
         "type": "string"
        },
        "sentiment": {
         "type": [
          "string",
          "null"
         ]
        },
        "question": {
         "type": "boolean"
        },
        "answered": {
         "type": "boolean"
        }
       }
      }
     }
    },
    "required": [
     "period",
     "comments"
    ]
   },
   "LabelBody": {
    "type": "object",
    "required": [
     "label"
    ],
    "properties": {
     "label": {
      "type": [
       "string",
       "null"
      ],
      "enum": [
       "positive",
       "neutral",
       "negative",
       null
      ]
     }
    }
   },
   "Label": {
    "type": "object",
    "required": [
     "kind",
     "id"
    ],
    "properties": {
     "kind": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "label": {
      "type": [
       "string",
       "null"
      ]
     },
     "source": {
      "type": [
       "string",
       "null"
      ]
     }
    }
   },
   "ImportSummary": {
    "type": "object",
    "properties": {
     "bundle": {
      "type": "string"
     },
     "timezone": {
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "accounts": {
      "type": "integer"
     },
     "rows_imported": {
      "type": "integer"
     },
     "files": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "file": {
         "type": "string"
        },
        "rows": {
         "type": "integer"
        },
        "imported": {
         "type": "integer"
        },
        "replaced": {
         "type": "integer"
        }
       },
       "required": [
        "file",
        "rows",
        "imported",
        "replaced"
       ]
      }
     },
     "warnings": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "first_date": {
      "type": [
       "string",
       "null"
      ]
     },
     "last_date": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "bundle",
     "timezone",
     "currency",
     "accounts",
     "rows_imported",
     "files",
     "warnings",
     "first_date",
     "last_date"
    ]
   }
  }
 }
}
"""#
}
