// Generated from the OpenAPI document by `npm run openapi:types -w @storra/server`; do not edit.
// A test fails when this file differs from a fresh generation, so it cannot drift.

export interface paths {
    "/api/v1/client/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account behind the API key
         * @description Every `/api/v1/client/*` request must include `X-API-Key: sk_...`. Only Cloud Pro accounts may call the client API.
         */
        get: operations["getClientUser"];
        /** PUT is not allowed (405) */
        put: operations["putClientUsersMeNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postClientUsersMeNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteClientUsersMeNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchClientUsersMeNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardLoginNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardLoginNotAllowed"];
        /**
         * Log in
         * @description Starts a session and sets the `storra_session` cookie. One message for an unknown email and a wrong password.
         */
        post: operations["login"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardLoginNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardLoginNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardLogoutNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardLogoutNotAllowed"];
        /**
         * Log out
         * @description Ends this session server-side.
         */
        post: operations["logout"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardLogoutNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardLogoutNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardLogoutEverywhereNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardLogoutEverywhereNotAllowed"];
        /**
         * Log out everywhere
         * @description Ends every session of the account, this one included.
         */
        post: operations["logoutEverywhere"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardLogoutEverywhereNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardLogoutEverywhereNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardUsersMePasswordNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMePasswordNotAllowed"];
        /**
         * Change the password
         * @description Needs the current password; every other session ends. Wrong guesses count against the login throttle.
         */
        post: operations["changePassword"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMePasswordNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMePasswordNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardPasswordResetRequestNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardPasswordResetRequestNotAllowed"];
        /**
         * Mail a password reset link ("Forgot password?")
         * @description Mails a one-time link (valid 1 hour) when the email has an account. The answer is the same whether it does or not. Only when SMTP_URL is configured.
         */
        post: operations["requestPasswordReset"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardPasswordResetRequestNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardPasswordResetRequestNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardPasswordResetNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardPasswordResetNotAllowed"];
        /**
         * Set a new password with a reset link
         * @description `token` is the `token` of the link's fragment (`/dashboard/reset-password#token=...`). The link works once; every session of the account ends.
         */
        post: operations["resetPassword"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardPasswordResetNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardPasswordResetNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardBillingCheckoutNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardBillingCheckoutNotAllowed"];
        /**
         * Upgrade to Cloud Pro (Stripe Checkout)
         * @description Starts a Stripe Checkout session for the Cloud Pro subscription; open `url` in the browser. The plan changes when Stripe confirms (webhook).
         */
        post: operations["startCheckout"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardBillingCheckoutNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardBillingCheckoutNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/billing/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardBillingPortalNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardBillingPortalNotAllowed"];
        /** Manage billing (Stripe customer portal) */
        post: operations["openBillingPortal"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardBillingPortalNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardBillingPortalNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account */
        get: operations["getSessionUser"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postDashboardUsersMeNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMeNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMeNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keys
         * @description Newest first; never a secret. Every plan may list. By default the usable keys (`active` and `rotating`); `?state=all` also lists expired and revoked ones, with `revoked_at` and `revoked_reason`.
         */
        get: operations["listApiKeys"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeApiKeysNotAllowed"];
        /**
         * Create a key (Cloud Pro)
         * @description The answer is the only time the whole key is shown. A missing or blank label becomes `"Untitled key"`; labels are trimmed, at most 100 characters, without control characters. `expires_at` (ISO-8601 UTC, in the future, at most `STORRA_MAX_KEY_LIFETIME_DAYS` ahead when set) or `null` for never; omitted: never, or the maximum lifetime when one is set. `ip_allowlist`: up to 50 IPv4/IPv6 addresses or CIDR ranges, stored normalised; empty or omitted: any address.
         */
        post: operations["createApiKey"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMeApiKeysNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMeApiKeysNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/api-keys/{prefix}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardUsersMeApiKeysPrefixNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeApiKeysPrefixNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postDashboardUsersMeApiKeysPrefixNotAllowed"];
        /**
         * Revoke a key
         * @description `prefix` is the first 11 characters of the key (e.g. `sk_abc12345`). Every plan may revoke.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        /**
         * Edit a key
         * @description Any of `label`, `expires_at`, `ip_allowlist` (rules as on create; `expires_at: null` is never; with a maximum lifetime, `expires_at` is at most that many days after the key's `created_at`). A rotating key's `expires_at` cannot be changed (409): its grace period decides its end. All checked before anything is written; the change reaches every instance at once. Never the secret.
         */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/api-keys/{prefix}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getDashboardUsersMeApiKeysPrefixRotateNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeApiKeysPrefixRotateNotAllowed"];
        /**
         * Rotate a key (Cloud Pro)
         * @description Issues a replacement (shown once, in the create shape) carrying the label, the IP allowlist and the expiry policy (a key that lived N days from creation to expiry gives one that lives N days from now). The old key keeps working for `grace_period_seconds` (0 … 604800, default 86400; never past its own expiry): it shows `state: "rotating"`, `replaced_by` and the grace end as `expires_at`. It is revoked earlier (reason `rotation_quiet`) once the new key has been used and the old one has been silent for `STORRA_ROTATION_QUIET_SECONDS`. 0 revokes it at once (reason `rotation`).
         */
        post: operations["rotateApiKey"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMeApiKeysPrefixRotateNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMeApiKeysPrefixRotateNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/api-keys/{prefix}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A key’s usage
         * @description Client API requests made with the key (revoked keys too), by outcome: `window=24h` (default) in minute buckets, `7d` and `30d` in hour buckets. A minute is counted once it has ended.
         */
        get: operations["getApiKeyUsage"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeApiKeysPrefixUsageNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postDashboardUsersMeApiKeysPrefixUsageNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMeApiKeysPrefixUsageNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMeApiKeysPrefixUsageNotAllowed"];
        trace?: never;
    };
    "/api/v1/dashboard/users/me/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s audit log
         * @description Newest first, `limit` (1-200, default 50) per page; pass `next_cursor` back as `cursor` for the next page. `prefix` keeps one key’s events. Kept `STORRA_AUDIT_RETENTION_DAYS` days (365 by default).
         */
        get: operations["listAuditEvents"];
        /** PUT is not allowed (405) */
        put: operations["putDashboardUsersMeAuditLogNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postDashboardUsersMeAuditLogNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteDashboardUsersMeAuditLogNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchDashboardUsersMeAuditLogNotAllowed"];
        trace?: never;
    };
    "/api/v1/public/credentials/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getPublicCredentialsRevokeNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putPublicCredentialsRevokeNotAllowed"];
        /**
         * Report leaked keys (no authentication)
         * @description Anyone who finds Storra keys where they should not be (a public repository, a paste, a log) may send up to 1,000 of them. Every active key among them is revoked at once, on every instance, with reason `leak_report`, and its owner sees why in the dashboard. The answer is always `202 {"received": N}` for a well-formed request: it never says whether a key existed, worked or was already revoked. No session or cookie is read or set. Throttled per IP (`STORRA_LEAK_REPORT_RATE_LIMIT`, 60 requests an hour by default), counting every request.
         */
        post: operations["reportLeakedCredentials"];
        /** DELETE is not allowed (405) */
        delete: operations["deletePublicCredentialsRevokeNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchPublicCredentialsRevokeNotAllowed"];
        trace?: never;
    };
    "/api/v1/public/secret-scanning/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getPublicSecretScanningGithubNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putPublicSecretScanningGithubNotAllowed"];
        /**
         * GitHub secret-scanning partner alerts
         * @description GitHub posts the Storra keys its secret scanning finds in public content. The raw body's signature (ECDSA P-256 with SHA-256, key from `STORRA_SECRET_SCANNING_KEYS_FILE`) is verified before the body is parsed; active keys among the matches are revoked as a leak report, with the match URL recorded. The answer is GitHub's feedback list: one `true_positive` (a Storra key) or `false_positive` per match, the token as its SHA-256. A replayed alert revokes nothing new. See docs/secret-scanning.md.
         */
        post: operations["githubSecretScanningAlert"];
        /** DELETE is not allowed (405) */
        delete: operations["deletePublicSecretScanningGithubNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchPublicSecretScanningGithubNotAllowed"];
        trace?: never;
    };
    "/api/v1/billing/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET is not allowed (405) */
        get: operations["getBillingStripeWebhookNotAllowed"];
        /** PUT is not allowed (405) */
        put: operations["putBillingStripeWebhookNotAllowed"];
        /**
         * Stripe events (webhook)
         * @description Called by Stripe, signed with `Stripe-Signature` over the raw body (STRIPE_WEBHOOK_SECRET). Each event is applied once, in `created` order per account: active or trialing subscriptions give Cloud Pro, ended ones Free. Other event types are acknowledged.
         */
        post: operations["stripeWebhook"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteBillingStripeWebhookNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchBillingStripeWebhookNotAllowed"];
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
        /** PUT is not allowed (405) */
        put: operations["putHealthzNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postHealthzNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteHealthzNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchHealthzNotAllowed"];
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: operations["readiness"];
        /** PUT is not allowed (405) */
        put: operations["putReadyzNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postReadyzNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteReadyzNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchReadyzNotAllowed"];
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics"];
        /** PUT is not allowed (405) */
        put: operations["putMetricsNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postMetricsNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteMetricsNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchMetricsNotAllowed"];
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openApiDocument"];
        /** PUT is not allowed (405) */
        put: operations["putOpenapijsonNotAllowed"];
        /** POST is not allowed (405) */
        post: operations["postOpenapijsonNotAllowed"];
        /** DELETE is not allowed (405) */
        delete: operations["deleteOpenapijsonNotAllowed"];
        options?: never;
        head?: never;
        /** PATCH is not allowed (405) */
        patch: operations["patchOpenapijsonNotAllowed"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Client API error: `detail` holds the message. */
        ClientError: {
            detail: string;
        };
        /** @description Dashboard API error: `error` holds the message. */
        DashboardError: {
            error: string;
        };
        /** @description The account that owns the API key. */
        ClientUser: {
            /**
             * Format: uuid
             * @description Row id (UUID).
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            id: string;
            email: string;
            plan: components["schemas"]["Plan"];
            /**
             * Format: date-time
             * @example 2025-06-01T10:30:00.000Z
             */
            created_at: string;
        };
        /**
         * @description Account plan; only `pro` (Cloud Pro) may call the client API and create keys.
         * @enum {string}
         */
        Plan: "free" | "pro";
        /** @description FastAPI-style validation error: the `X-API-Key` header is missing. */
        MissingApiKeyError: {
            detail: {
                /** @constant */
                type: "missing";
                loc: [
                    "header",
                    "X-API-Key"
                ];
                /** @constant */
                msg: "Field required";
                input: null;
            }[];
        };
        SessionUserBody: {
            user: components["schemas"]["SessionUser"];
        };
        /** @description The signed-in account. */
        SessionUser: {
            /**
             * Format: uuid
             * @description Row id (UUID).
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            id: string;
            email: string;
            plan: components["schemas"]["Plan"];
            role: components["schemas"]["Role"];
            /**
             * Format: date-time
             * @example 2025-06-01T10:30:00.000Z
             */
            created_at: string;
        };
        /**
         * @description Account role; `admin` may use the admin procedures.
         * @enum {string}
         */
        Role: "user" | "admin";
        Ok: {
            /** @constant */
            ok: true;
        };
        RedirectUrl: {
            /**
             * Format: uri
             * @description A Stripe-hosted page to open in the browser.
             * @example https://checkout.stripe.com/c/pay/cs_test_a1b2c3
             */
            url: string;
        };
        /** @description An API key, without its secret. */
        ApiKeySummary: {
            /**
             * Format: uuid
             * @description Row id (UUID).
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            id: string;
            /**
             * @description The first 11 characters of the key (`sk_` + 8); identifies it for revocation.
             * @example sk_abc12345
             */
            prefix: string;
            /**
             * @description Trimmed, 1-100 characters, no control characters.
             * @example Production API Key
             */
            label: string;
            /**
             * Format: date-time
             * @example 2025-06-01T10:30:00.000Z
             */
            created_at: string;
            /** @description When the key last authenticated a request; null until then. */
            last_used: string | null;
            /** @description When the key stops working (it works strictly before); null: never. */
            expires_at: string | null;
            /**
             * @description Normalised IPv4/IPv6 addresses and CIDR ranges the key may be used from; empty: any address.
             * @example [
             *       "203.0.113.0/24",
             *       "2001:db8::1"
             *     ]
             */
            ip_allowlist: string[];
            state: components["schemas"]["KeyState"];
            /** @description The prefix of the key that replaced this one, once rotated. */
            replaced_by: string | null;
            /** @description When the key was revoked; null unless revoked. */
            revoked_at: string | null;
            revoked_reason: components["schemas"]["RevokeReason"];
            /**
             * @description The client IP of the last use; null until then.
             * @example 203.0.113.7
             */
            last_used_ip: string | null;
            /**
             * @description The User-Agent of the last use (at most 256 characters); null until then or when none was sent.
             * @example curl/8.5.0
             */
            last_used_user_agent: string | null;
        };
        /**
         * @description `active`; `rotating` (replaced, working until its grace period ends or it falls silent); `expired`; `revoked`.
         * @enum {string}
         */
        KeyState: "active" | "rotating" | "expired" | "revoked";
        /** @description Why it was revoked: `user` (its owner), `admin` (an operator), `rotation` (rotated with no grace period), `rotation_quiet` (fell silent after its replacement was used), `leak_report`. */
        RevokeReason: ("user" | "admin" | "rotation" | "rotation_quiet" | "leak_report") | null;
        /** @description A new API key, with the only copy of its secret. */
        CreatedApiKey: {
            /**
             * Format: uuid
             * @description Row id (UUID).
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            id: string;
            /**
             * @description The first 11 characters of the key (`sk_` + 8); identifies it for revocation.
             * @example sk_abc12345
             */
            prefix: string;
            /**
             * @description Trimmed, 1-100 characters, no control characters.
             * @example Production API Key
             */
            label: string;
            /**
             * @description The whole key, `sk_` + 32 base62 characters + 6 base62 checksum characters (41 in all). Shown only in this answer: store it now.
             * @example sk_0000000000000000000000000000000030OBQY
             */
            key: string;
            /**
             * Format: date-time
             * @example 2025-06-01T10:30:00.000Z
             */
            created_at: string;
            /** @description When the key last authenticated a request; null until then. */
            last_used: string | null;
            /** @description When the key stops working (it works strictly before); null: never. */
            expires_at: string | null;
            /**
             * @description Normalised IPv4/IPv6 addresses and CIDR ranges the key may be used from; empty: any address.
             * @example [
             *       "203.0.113.0/24",
             *       "2001:db8::1"
             *     ]
             */
            ip_allowlist: string[];
            state: components["schemas"]["KeyState"];
            /** @description The prefix of the key that replaced this one, once rotated. */
            replaced_by: string | null;
            /** @description When the key was revoked; null unless revoked. */
            revoked_at: string | null;
            revoked_reason: components["schemas"]["RevokeReason"];
            /**
             * @description The client IP of the last use; null until then.
             * @example 203.0.113.7
             */
            last_used_ip: string | null;
            /**
             * @description The User-Agent of the last use (at most 256 characters); null until then or when none was sent.
             * @example curl/8.5.0
             */
            last_used_user_agent: string | null;
        };
        Revoked: {
            /** @constant */
            revoked: true;
        };
        /** @description Client API requests made with the key, by outcome: minute buckets for `24h`, hour buckets otherwise, oldest first; buckets without requests are left out. */
        KeyUsage: {
            /**
             * @description The first 11 characters of the key (`sk_` + 8); identifies it for revocation.
             * @example sk_abc12345
             */
            prefix: string;
            /** @enum {string} */
            granularity: "minute" | "hour";
            buckets: {
                /**
                 * Format: date-time
                 * @example 2025-06-01T10:30:00.000Z
                 */
                start: string;
                ok: number;
                plan_forbidden: number;
                ip_denied: number;
                rate_limited: number;
                revoked: number;
            }[];
        };
        AuditLogPage: {
            events: components["schemas"]["AuditEvent"][];
            /** @description The next page’s `cursor`; null on the last page. */
            next_cursor: string | null;
        };
        /** @description Something that happened to the account or one of its keys. */
        AuditEvent: {
            /**
             * Format: uuid
             * @description Row id (UUID).
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            id: string;
            /** @enum {string} */
            type: "api_key.created" | "api_key.updated" | "api_key.rotated" | "api_key.revoked" | "session.login" | "session.login_failed" | "session.logout_everywhere" | "user.password_changed" | "user.plan_changed" | "user.role_changed" | "user.deleted" | "user.password_reset_issued";
            /** @enum {string} */
            actor: "user" | "admin" | "cli" | "system" | "public_report";
            key_prefix: string | null;
            ip: string | null;
            /** @description At most 256 characters. */
            user_agent: string | null;
            /**
             * Format: date-time
             * @example 2025-06-01T10:30:00.000Z
             */
            created_at: string;
            /** @description Small facts about the event, e.g. `{"reason": "user"}` or `{"from": "free", "to": "pro"}`. */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description The report was received; it never says whether a key existed. */
        LeakReportReceived: {
            /**
             * @description How many credentials the request carried.
             * @example 2
             */
            received: number;
        };
        /** @description `true_positive` for a Storra key (now revoked), else `false_positive`. */
        SecretScanningLabels: {
            /** @description SHA-256 (hex) of the matched token. */
            token_hash: string;
            /** @example storra_api_key */
            token_type: string;
            /** @enum {string} */
            label: "true_positive" | "false_positive";
        }[];
        WebhookOutcome: {
            /** @constant */
            received: true;
            /**
             * @description Why the event changed nothing, when it did not.
             * @enum {string}
             */
            ignored?: "unhandled_event" | "duplicate" | "unknown_customer" | "stale";
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @enum {string} */
            database: "postgres" | "pglite";
        };
    };
    responses: {
        /** @description No such path under `/api/v1/client`. */
        ClientNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ClientError"];
            };
        };
        /** @description No such path elsewhere. */
        DashboardNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DashboardError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getClientUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account that owns the key. */
            200: {
                headers: {
                    "RateLimit-Policy"?: string;
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientUser"];
                };
            };
            /** @description The `X-API-Key` header is missing (FastAPI-style `detail` list), or the key is malformed, unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MissingApiKeyError"] | components["schemas"]["ClientError"];
                };
            };
            /** @description A valid key used from an address outside its IP allowlist, or of an account without Cloud Pro (upgrade at /dashboard/settings). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
            /** @description Over the per-key rate limit, or too many failed key attempts from this address. */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying. */
                    "Retry-After": number;
                    "RateLimit-Policy"?: string;
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
        };
    };
    putClientUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
        };
    };
    postClientUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
        };
    };
    deleteClientUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
        };
    };
    patchClientUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientError"];
                };
            };
        };
    };
    getDashboardLoginNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardLoginNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Logged in. */
            200: {
                headers: {
                    /** @description The `storra_session` cookie: httpOnly, SameSite=Lax, Secure in production. */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUserBody"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Too many failed logins for this account or from this address. */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable, or too many password checks are under way; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardLoginNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardLoginNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardLogoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardLogoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardLogoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardLogoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardLogoutEverywhereNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardLogoutEverywhereNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    logoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardLogoutEverywhereNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardLogoutEverywhereNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardUsersMePasswordNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMePasswordNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description The body is not valid JSON, or the new password breaks the rules. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`, or the current password is wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Too many failed logins for this account or from this address. */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable, or too many password checks are under way; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMePasswordNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMePasswordNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardPasswordResetRequestNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardPasswordResetRequestNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Mail is not configured on this installation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Too many requests for this email or from this address. */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardPasswordResetRequestNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardPasswordResetRequestNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardPasswordResetNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardPasswordResetNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description The link is unknown, used or expired, or the password breaks the rules. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable, or too many password checks are under way; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardPasswordResetNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardPasswordResetNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardBillingCheckoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardBillingCheckoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    startCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkout page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrl"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Stripe is not configured: the operator changes plans. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The account is on Cloud Pro already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Stripe or the database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardBillingCheckoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardBillingCheckoutNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardBillingPortalNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardBillingPortalNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    openBillingPortal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portal page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrl"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Stripe is not configured. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The account has no Stripe customer yet (never upgraded). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Stripe or the database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardBillingPortalNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardBillingPortalNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getSessionUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUserBody"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postDashboardUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description `all` also lists expired and revoked keys. */
                state?: "active" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"][];
                };
            };
            /** @description `state` is neither `active` nor `all`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeApiKeysNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    label?: string | null;
                    expires_at?: string | null;
                    ip_allowlist?: string[] | null;
                };
            };
        };
        responses: {
            /** @description The new key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description The body is not a JSON object, or a field breaks the rules. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A free account (creating keys needs Cloud Pro), or a write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The account already holds the most active keys allowed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMeApiKeysNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMeApiKeysNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardUsersMeApiKeysPrefixNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeApiKeysPrefixNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postDashboardUsersMeApiKeysPrefixNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked; the key stops working at once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revoked"];
                };
            };
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No unrevoked key of this account has that prefix. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    label?: string | null;
                    expires_at?: string | null;
                    ip_allowlist?: string[] | null;
                };
            };
        };
        responses: {
            /** @description The updated key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"];
                };
            };
            /** @description The body is not a JSON object, or a field breaks the rules. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No usable key of this account has that prefix (unknown, revoked or expired). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The key is being replaced: its `expires_at` is its grace period's end. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getDashboardUsersMeApiKeysPrefixRotateNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeApiKeysPrefixRotateNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The new key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description The body is not a JSON object, or the grace period is out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A free account (issuing keys needs Cloud Pro), or a write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No usable key of this account has that prefix (unknown, revoked or expired). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The key is already being replaced. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMeApiKeysPrefixRotateNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMeApiKeysPrefixRotateNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApiKeyUsage: {
        parameters: {
            query?: {
                window?: "24h" | "7d" | "30d";
            };
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage buckets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyUsage"];
                };
            };
            /** @description `window` is not one of `24h`, `7d`, `30d`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No key of this account has that prefix. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeApiKeysPrefixUsageNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postDashboardUsersMeApiKeysPrefixUsageNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMeApiKeysPrefixUsageNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMeApiKeysPrefixUsageNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prefix: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPage"];
                };
            };
            /** @description A parameter is out of range, or the cursor was not given out by this log. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description No valid session cookie (an `Authorization` header is never accepted). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putDashboardUsersMeAuditLogNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postDashboardUsersMeAuditLogNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteDashboardUsersMeAuditLogNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchDashboardUsersMeAuditLogNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body is not valid JSON, or the input is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A write from a foreign `Origin`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 16 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is not JSON (or not UTF-8). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getPublicCredentialsRevokeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putPublicCredentialsRevokeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    reportLeakedCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The leaked keys, as found (`sk_...`).
                     * @example [
                     *       "sk_0000000000000000000000000000000030OBQY"
                     *     ]
                     */
                    credentials: string[];
                };
            };
        };
        responses: {
            /** @description Received. Says nothing about the keys. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeakReportReceived"];
                };
            };
            /** @description The body is not JSON, or `credentials` is not 1 to 1,000 strings. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is too large (300 KB for a revocation request, 1 MB for an alert). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A `Content-Encoding` other than gzip/deflate, or a charset other than UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Too many revocation requests from this address. */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deletePublicCredentialsRevokeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchPublicCredentialsRevokeNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getPublicSecretScanningGithubNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putPublicSecretScanningGithubNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    githubSecretScanningAlert: {
        parameters: {
            query?: never;
            header: {
                /** @description Which of GitHub’s secret-scanning public keys signed the body. */
                "Github-Public-Key-Identifier": string;
                /** @description Base64 of the DER-encoded ECDSA signature of the raw body. */
                "Github-Public-Key-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The matched text. */
                    token: string;
                    /**
                     * @description The secret type registered with GitHub.
                     * @example storra_api_key
                     */
                    type: string;
                    /** @description Where GitHub found it (may be empty). */
                    url: string;
                    /** @description What GitHub scanned: `content`, `commit`, `issue_comment`, …. */
                    source: string;
                }[];
            };
        };
        responses: {
            /** @description The alert was verified and acted on; one label per match, in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretScanningLabels"];
                };
            };
            /** @description A signature header is missing, or the (verified) body is not a list of matches. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The key id is not among the configured keys, or the signature does not verify. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is too large (300 KB for a revocation request, 1 MB for an alert). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description A `Content-Encoding` other than gzip/deflate. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; retry shortly. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deletePublicSecretScanningGithubNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchPublicSecretScanningGithubNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getBillingStripeWebhookNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    putBillingStripeWebhookNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    stripeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Stripe's signature header: `t=...,v1=...`. */
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description A verified event, applied or acknowledged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOutcome"];
                };
            };
            /** @description No signature, a wrong one, or a timestamp older than five minutes. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Stripe is not configured on this installation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The body is larger than 256 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description The database is unreachable; Stripe retries later. */
            503: {
                headers: {
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteBillingStripeWebhookNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchBillingStripeWebhookNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    putHealthzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postHealthzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteHealthzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchHealthzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    putReadyzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postReadyzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteReadyzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchReadyzNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    putMetricsNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postMetricsNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteMetricsNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchMetricsNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    openApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    putOpenapijsonNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    postOpenapijsonNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteOpenapijsonNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchOpenapijsonNotAllowed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This path does not accept the method. */
            405: {
                headers: {
                    /** @description The methods this path accepts. */
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
}
