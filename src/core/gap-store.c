/* gap-store.c — the SQLite file behind a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace file is refused without being touched when it is not ours:
 * the header is read with pread(), then SQLite opens it read-only, as
 * "immutable" unless a -wal file already exists (a read-only open of a WAL
 * file would otherwise create -wal and -shm beside it). Only after the file
 * passed is it opened for writing and switched to WAL.
 *
 * One process at a time: flock() on the database file (exclusive for
 * writing, shared for reading). flock() locks are separate from SQLite's
 * fcntl() locks on Linux, and the descriptor stays open until the store is
 * freed, so closing it never drops SQLite's locks. The one exception is an
 * explicit read-only open (a report from the command line) of a file that
 * another process has open for writing: it reads a snapshot of what that
 * process committed through SQLite's own locks, never "immutable", and
 * keeps nothing open on the file.
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gap-error.h"
#include "gap-store-private.h"

struct _GapStore
{
  sqlite3      *db;
  char         *path;
  char         *display;      /* for messages */
  int           lock_fd;
  gboolean      read_only;
  sqlite3_stmt *stmts[GAP_N_STMTS];
  sqlite3_stmt *assessment_updates[12];
  sqlite3_stmt *certificate_updates[5];
};

/* The shape of the times the application writes, for GLOB. */
#define GAP_STORE_NORMAL_TIME \
  "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"

static const char * const statement_sql[GAP_N_STMTS] = {
  [GAP_STMT_GET_META] = "SELECT value FROM meta WHERE key = ?1",
  [GAP_STMT_SET_META] =
    "INSERT INTO meta (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [GAP_STMT_ENSURE_SCOPE] = "INSERT OR IGNORE INTO scope (field) VALUES (?1)",
  [GAP_STMT_ENSURE_SERVICE] = "INSERT OR IGNORE INTO service (id) VALUES (?1)",
  [GAP_STMT_ENSURE_CERTIFICATE] = "INSERT OR IGNORE INTO certificate (family_id) VALUES (?1)",
  [GAP_STMT_ENSURE_ASSESSMENT] = "INSERT OR IGNORE INTO assessment (control_id) VALUES (?1)",
  [GAP_STMT_LOAD_SCOPE] = "SELECT field, value FROM scope",
  [GAP_STMT_LOAD_SCOPE_ITEMS] =
    "SELECT id, kind, name, detail FROM scope_item ORDER BY kind, position, id",
  [GAP_STMT_LOAD_SERVICES] =
    "SELECT id, custom, name, models, in_use FROM service ORDER BY custom, rowid",
  [GAP_STMT_LOAD_CERTIFICATES] =
    "SELECT family_id, reference, issuer, last_audit, expiry, notes FROM certificate",
  [GAP_STMT_LOAD_ASSESSMENTS] =
    "SELECT control_id, applicability, justification, reasons, responsibility, status, "
    "owner, due_date, priority, evidence, notes, needs_review, changed FROM assessment",
  [GAP_STMT_LOAD_ASSESSMENT_SERVICES] =
    "SELECT control_id, service_id FROM assessment_service ORDER BY control_id, position",
  [GAP_STMT_SET_SCOPE] = "UPDATE scope SET value = ?2 WHERE field = ?1",
  [GAP_STMT_ADD_SCOPE_ITEM] =
    "INSERT INTO scope_item (kind, position, name, detail) VALUES (?1, ?2, ?3, ?4)",
  /* Undoing a removal brings the item back under its old ID. */
  [GAP_STMT_RESTORE_SCOPE_ITEM] =
    "INSERT INTO scope_item (id, kind, position, name, detail) VALUES (?5, ?1, ?2, ?3, ?4)",
  [GAP_STMT_UPDATE_SCOPE_ITEM] = "UPDATE scope_item SET name = ?2, detail = ?3 WHERE id = ?1",
  [GAP_STMT_REMOVE_SCOPE_ITEM] = "DELETE FROM scope_item WHERE id = ?1",
  [GAP_STMT_SET_SCOPE_ITEM_POSITION] = "UPDATE scope_item SET position = ?2 WHERE id = ?1",
  [GAP_STMT_SET_SERVICE_IN_USE] = "UPDATE service SET in_use = ?2 WHERE id = ?1",
  [GAP_STMT_ADD_CUSTOM_SERVICE] =
    "INSERT INTO service (id, custom, name, models, in_use) VALUES (?1, 1, ?2, ?3, 1)",
  [GAP_STMT_UPDATE_CUSTOM_SERVICE] =
    "UPDATE service SET name = ?2, models = ?3 WHERE id = ?1 AND custom = 1",
  [GAP_STMT_REMOVE_SERVICE] = "DELETE FROM service WHERE id = ?1 AND custom = 1",
  [GAP_STMT_ADD_CUSTOM_CERTIFICATE] =
    "INSERT INTO certificate (family_id, service_id) VALUES (?1, ?1)",
  [GAP_STMT_CLEAR_ASSESSMENT_SERVICES] = "DELETE FROM assessment_service WHERE control_id = ?1",
  [GAP_STMT_ADD_ASSESSMENT_SERVICE] =
    "INSERT INTO assessment_service (control_id, service_id, position) VALUES (?1, ?2, ?3)",
  [GAP_STMT_LOG] =
    "INSERT INTO change_log (time, item, field, old_value, new_value, author) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [GAP_STMT_LOAD_LOG] =
    "SELECT time, item, field, old_value, new_value, author FROM change_log ORDER BY id",
  /* Times the application writes ("2026-11-29T08:15:00Z") sort as text as
   * they do in time; anything else (an imported log) must be parsed. */
  [GAP_STMT_LOG_TIMES] = "SELECT time FROM change_log",
  [GAP_STMT_LOG_TIMES_NORMAL] =
    "SELECT DISTINCT time FROM change_log WHERE time GLOB " GAP_STORE_NORMAL_TIME
    " ORDER BY time DESC",
};

/* Indexed by GapAssessmentField; NULL where the field is not one column. */
static const char * const assessment_update_sql[12] = {
  "UPDATE assessment SET applicability = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET justification = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET reasons = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET responsibility = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET changed = ?2 WHERE control_id = ?3 AND ?1 IS NULL",
  "UPDATE assessment SET status = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET owner = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET due_date = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET priority = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET evidence = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET notes = ?1, changed = ?2 WHERE control_id = ?3",
  "UPDATE assessment SET needs_review = ?1, changed = ?2 WHERE control_id = ?3",
};

/* Indexed by GapCertificateField. */
static const char * const certificate_update_sql[5] = {
  "UPDATE certificate SET reference = ?1 WHERE family_id = ?2",
  "UPDATE certificate SET issuer = ?1 WHERE family_id = ?2",
  "UPDATE certificate SET last_audit = ?1 WHERE family_id = ?2",
  "UPDATE certificate SET expiry = ?1 WHERE family_id = ?2",
  "UPDATE certificate SET notes = ?1 WHERE family_id = ?2",
};

/* A step that SQL alone cannot write (it needs a value made here). */
typedef gboolean (*SchemaFunc) (sqlite3     *db,
                                const char  *display,
                                GError     **error);

typedef struct
{
  const char *sql;
  SchemaFunc  func;
} SchemaStep;

static gboolean add_workspace_uuid (sqlite3     *db,
                                    const char  *display,
                                    GError     **error);

/* Schema history: step N takes a file from user_version N to N + 1. A new
 * file runs them all, so the history is the only definition of the schema.
 * Never edit a released step: add one. */
static const SchemaStep schema_steps[GAP_STORE_SCHEMA_VERSION] = {
  /* 0 → 1 */
  { .sql =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE scope ("
  "  field TEXT PRIMARY KEY NOT NULL"
  "        CHECK (field IN ('organization', 'statement', 'assessor', 'assessment-date')),"
  "  value TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;"
  "CREATE TABLE scope_item ("
  "  id       INTEGER PRIMARY KEY,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('site', 'unit', 'process', 'asset-group',"
  "                                          'interface', 'interested-party', 'exclusion')),"
  "  position INTEGER NOT NULL,"
  "  name     TEXT NOT NULL,"
  "  detail   TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX scope_item_kind ON scope_item (kind, position);"
  "CREATE TABLE service ("
  "  id     TEXT PRIMARY KEY NOT NULL,"
  "  custom INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1)),"
  "  name   TEXT NOT NULL DEFAULT '',"
  "  models INTEGER NOT NULL DEFAULT 0 CHECK (models BETWEEN 0 AND 15),"
  "  in_use INTEGER NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1))"
  ");"
  "CREATE TABLE certificate ("
  "  family_id  TEXT PRIMARY KEY NOT NULL,"
  "  service_id TEXT REFERENCES service (id) ON DELETE CASCADE,"
  "  reference  TEXT NOT NULL DEFAULT '',"
  "  issuer     TEXT NOT NULL DEFAULT '',"
  "  last_audit TEXT NOT NULL DEFAULT '',"
  "  expiry     TEXT NOT NULL DEFAULT '',"
  "  notes      TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX certificate_service ON certificate (service_id);"
  "CREATE TABLE assessment ("
  "  control_id     TEXT PRIMARY KEY NOT NULL,"
  "  applicability  TEXT NOT NULL DEFAULT 'applicable'"
  "                 CHECK (applicability IN ('applicable', 'not-applicable')),"
  "  justification  TEXT NOT NULL DEFAULT '',"
  "  reasons        INTEGER NOT NULL DEFAULT 0 CHECK (reasons BETWEEN 0 AND 31),"
  "  responsibility TEXT NOT NULL DEFAULT 'organization'"
  "                 CHECK (responsibility IN ('organization', 'shared', 'inherited')),"
  "  status         TEXT NOT NULL DEFAULT 'not-assessed'"
  "                 CHECK (status IN ('not-assessed', 'not-implemented', 'planned', 'partial',"
  "                                   'implemented', 'alternative')),"
  "  owner          TEXT NOT NULL DEFAULT '',"
  "  due_date       TEXT NOT NULL DEFAULT '',"
  "  priority       TEXT NOT NULL DEFAULT 'none'"
  "                 CHECK (priority IN ('none', 'low', 'medium', 'high', 'critical')),"
  "  evidence       TEXT NOT NULL DEFAULT '',"
  "  notes          TEXT NOT NULL DEFAULT '',"
  "  needs_review   INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),"
  "  changed        TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;"
  "CREATE TABLE assessment_service ("
  "  control_id TEXT NOT NULL REFERENCES assessment (control_id) ON DELETE CASCADE,"
  "  service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  PRIMARY KEY (control_id, service_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX assessment_service_service ON assessment_service (service_id);"
  "CREATE TABLE change_log ("
  "  id        INTEGER PRIMARY KEY,"
  "  time      TEXT NOT NULL,"
  "  item      TEXT NOT NULL,"
  "  field     TEXT NOT NULL,"
  "  old_value TEXT NOT NULL,"
  "  new_value TEXT NOT NULL"
  ");" },

  /* 1 → 2: clause 7.5 asks who made a change, not only when. */
  { .sql = "ALTER TABLE change_log ADD COLUMN author TEXT NOT NULL DEFAULT '';" },

  /* 2 → 3: an identity that outlives renaming the organization (OSCAL
   * UUIDs derive from it). A new file gets one here too; an older file
   * gets a fresh one, as nothing it holds identifies it. */
  { .func = add_workspace_uuid },
};

/* The first format whose files have meta "uuid" (the step above). */
#define SCHEMA_WITH_UUID 3

static const char sqlite_magic[16] = "SQLite format 3";

static void
set_sqlite_error (const char  *display,
                  int          rc,
                  int          system_errno,
                  const char  *detail,
                  GError     **error)
{
  int primary = rc & 0xff;

  if (detail == NULL || *detail == '\0')
    detail = sqlite3_errstr (rc);

  if (primary == SQLITE_FULL ||
      (primary == SQLITE_IOERR &&
       (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)))
    g_set_error (error, GAP_ERROR, GAP_ERROR_NO_SPACE,
                 _("Could not save “%s”: the disk is full."), display);
  else if (primary == SQLITE_READONLY || primary == SQLITE_PERM)
    g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                 _("“%s” cannot be written."), display);
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, GAP_ERROR, GAP_ERROR_IN_USE,
                 _("“%s” is in use by another program."), display);
  else if (primary == SQLITE_CORRUPT)
    g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT,
                 _("“%s” is damaged: %s"), display, detail);
  else if (primary == SQLITE_NOTADB)
    g_set_error (error, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE,
                 _("“%s” is not an ISMS Gap workspace."), display);
  else if (primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH ||
           primary == SQLITE_TOOBIG || primary == SQLITE_RANGE)
    g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                 _("Could not save “%s”: %s"), display, detail);
  else
    g_set_error (error, GAP_ERROR, GAP_ERROR_IO,
                 _("Could not read or write “%s”: %s"), display, detail);
}

static void
set_db_error (sqlite3     *db,
              const char  *display,
              int          rc,
              GError     **error)
{
  set_sqlite_error (display, rc, db != NULL ? sqlite3_system_errno (db) : 0,
                    db != NULL ? sqlite3_errmsg (db) : NULL, error);
}

void
_gap_store_set_error (GapStore  *self,
                      int        rc,
                      GError   **error)
{
  set_db_error (self->db, self->display, rc, error);
}

/* @format takes the file name, then the system's message. */
static void set_errno_error (int          saved_errno,
                             GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (int          saved_errno,
                 GError     **error,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error_literal (error, GAP_ERROR, GAP_ERROR_NO_SPACE, message);
  else
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
}

typedef enum
{
  DB_WRITE,
  DB_READ,         /* nobody writes it meanwhile: our lock, or a file nobody may write */
  DB_READ_SHARED,  /* another process may write it meanwhile */
} DbMode;

static char *
make_uri (const char *path,
          DbMode      mode)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (mode == DB_WRITE)
    return g_strconcat ("file:", escaped, NULL);
  /* Without a -wal file the main file holds everything, and "immutable"
   * reads it without creating -wal/-shm beside it; but a file that changes
   * under "immutable" reads as garbage, so not while another writes. */
  if (mode == DB_READ && !g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return g_strconcat ("file:", escaped, "?mode=ro", NULL);
}

static sqlite3 *
open_db (const char  *path,
         const char  *display,
         DbMode       mode,
         GError     **error)
{
  g_autofree char *uri = make_uri (path, mode);
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE |
              (mode == DB_WRITE ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
  int rc;

  rc = sqlite3_open_v2 (uri, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (db, display, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  /* Only a writer in another process can make a reader wait. */
  if (mode == DB_READ_SHARED)
    sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Runs fixed SQL (pragmas, schema steps): never built from input. */
static gboolean
exec_fixed (sqlite3     *db,
            const char  *display,
            const char  *sql,
            GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (db, display, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *display,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  set_db_error (db, display, rc, error);
  sqlite3_finalize (stmt);
  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
check_version (const char  *display,
               gint64       application_id,
               gint64       user_version,
               GError     **error)
{
  if (application_id != GAP_STORE_APPLICATION_ID)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not an ISMS Gap workspace."), display);
      return FALSE;
    }
  if (user_version > GAP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of ISMS Gap (file format %d; this "
                     "version reads up to %d). Update ISMS Gap to open it."),
                   display, (int) user_version, GAP_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (user_version < 1)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no file format version."), display);
      return FALSE;
    }
  return TRUE;
}

/* The first 100 bytes say whether SQLite should look at it at all. */
static gboolean
check_header (int          fd,
              const char  *display,
              GError     **error)
{
  guint8 header[100];
  ssize_t n;

  do
    n = pread (fd, header, sizeof header, 0);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      set_errno_error (errno, error, _("Could not read “%s”: %s"), display, g_strerror (errno));
      return FALSE;
    }
  if (n < (ssize_t) sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not an ISMS Gap workspace."), display);
      return FALSE;
    }

  /* application_id is set while the file is still in rollback mode, so the
   * main file's header always has it; user_version is checked again below
   * through SQLite, which also sees a -wal file. */
  return check_version (display, read_be32 (header + 68), read_be32 (header + 60), error);
}

/* From format 3 on every file has its identity: one without it was altered
 * elsewhere, and is refused here, before anything writes to it. */
static gboolean
check_identity (sqlite3     *db,
                const char  *display,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *uuid = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'uuid'", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = (const char *) sqlite3_column_text (stmt, 0);
  ok = uuid != NULL && g_uuid_string_is_valid (uuid);

  /* SQLITE_ERROR here: no meta table at all. */
  if (!ok && (rc == SQLITE_ROW || rc == SQLITE_DONE || rc == SQLITE_ERROR))
    g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT, _("“%s” is damaged: %s"), display,
                 _("it has no valid workspace identifier (UUID)."));
  else if (!ok)
    set_db_error (db, display, rc, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* Read-only checks through SQLite (@mode DB_READ or DB_READ_SHARED);
 * returns the schema version. */
static gboolean
check_database (const char  *path,
                const char  *display,
                DbMode       mode,
                gint64      *user_version,
                GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0;
  gboolean ok = FALSE;
  int rc;

  db = open_db (path, display, mode, error);
  if (db == NULL)
    return FALSE;

  if (!query_int (db, display, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, display, "PRAGMA user_version", user_version, error) ||
      !check_version (display, application_id, *user_version, error))
    goto out;

  /* The full check, not quick_check: it also verifies keys and indexes (a
   * damaged file could otherwise hold one ID twice) and costs about as
   * much (26 ms for 20,000 controls, tests/bench). Neither checks CHECK
   * constraints on a read-only connection: the loader checks every value. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") == 0)
        ok = *user_version < SCHEMA_WITH_UUID || check_identity (db, display, error);
      else
        g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT,
                     _("“%s” is damaged: %s"), display, result != NULL ? result : "");
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      set_db_error (db, display, rc, &local_error);
      /* A foreign or broken page the check trips over is damage too. */
      if (g_error_matches (local_error, GAP_ERROR, GAP_ERROR_IO))
        local_error->code = GAP_ERROR_CORRUPT;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
add_workspace_uuid (sqlite3     *db,
                    const char  *display,
                    GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* OR IGNORE: a file that somehow has one keeps it; loading checks it. */
  rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO meta (key, value) VALUES ('uuid', ?1)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    set_db_error (db, display, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Runs schema steps @from → current in the open transaction. */
static gboolean
run_schema_steps (sqlite3     *db,
                  const char  *display,
                  gint64       from,
                  GError     **error)
{
  g_autofree char *set_version = NULL;

  for (gint64 v = from; v < GAP_STORE_SCHEMA_VERSION; v++)
    {
      const SchemaStep *step = &schema_steps[v];

      if (step->sql != NULL && !exec_fixed (db, display, step->sql, error))
        return FALSE;
      if (step->func != NULL && !step->func (db, display, error))
        return FALSE;
    }

  /* An integer constant of ours, not input. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", GAP_STORE_SCHEMA_VERSION);
  return exec_fixed (db, display, set_version, error);
}

static gboolean
migrate (sqlite3     *db,
         const char  *display,
         gint64       from,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (from >= GAP_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!exec_fixed (db, display, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!run_schema_steps (db, display, from, &local_error) ||
      !exec_fixed (db, display, "COMMIT", &local_error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not upgrade “%s” to the current file format: "),
                                  display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (sqlite3     *db,
           const char  *display,
           gboolean     read_only,
           GError     **error)
{
  sqlite3_busy_timeout (db, 5000);
  if (!exec_fixed (db, display, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (read_only)
    return TRUE;
  /* FULL: an edit the user saw saved survives a power cut too. */
  if (!exec_fixed (db, display, "PRAGMA synchronous = FULL", error) ||
      !exec_fixed (db, display, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  return TRUE;
}

static GapStore *
store_new (const char *path)
{
  GapStore *self = g_new0 (GapStore, 1);

  self->path = g_strdup (path);
  self->display = g_filename_display_name (path);
  self->lock_fd = -1;
  return self;
}

void
_gap_store_free (GapStore *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < GAP_N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->assessment_updates); i++)
    sqlite3_finalize (self->assessment_updates[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->certificate_updates); i++)
    sqlite3_finalize (self->certificate_updates[i]);
  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  /* Only now: the lock outlives every SQLite descriptor of the file. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->display);
  g_free (self);
}

static gboolean
take_lock (GapStore  *self,
           gboolean   exclusive,
           GError   **error)
{
  int rc;

  do
    rc = flock (self->lock_fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB);
  while (rc < 0 && errno == EINTR);

  if (rc == 0)
    return TRUE;
  /* Some file systems (FUSE, some NFS) cannot lock at all: then there is
   * no lock to honour either, and refusing would make the file useless. */
  if (errno == ENOLCK || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL)
    return TRUE;
  if (errno == EWOULDBLOCK)
    g_set_error (error, GAP_ERROR, GAP_ERROR_IN_USE,
                 _("“%s” is open in another window or program. Close it there first."),
                 self->display);
  else
    set_errno_error (errno, error, _("Could not lock “%s”: %s"), self->display, g_strerror (errno));
  return FALSE;
}

static void
remove_created (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_unlink (side);
    }
  g_unlink (path);
}

GapStore *
_gap_store_create (const char  *path,
                   GapEdition   edition,
                   GError     **error)
{
  g_autoptr(GapStore) self = store_new (path);
  g_autofree char *set_application_id = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  self->lock_fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” already exists."), self->display);
      else if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                     _("Could not create “%s”: %s"), self->display, g_strerror (saved_errno));
      else
        set_errno_error (saved_errno, error, _("Could not create “%s”: %s"), self->display, g_strerror (saved_errno));
      return NULL;
    }

  if (!take_lock (self, TRUE, &local_error))
    goto fail;

  self->db = open_db (path, self->display, DB_WRITE, &local_error);
  if (self->db == NULL)
    goto fail;

  /* Still in rollback mode here, so one transaction writes the header
   * (application_id), the schema and the edition atomically. */
  set_application_id = g_strdup_printf ("PRAGMA application_id = %d", GAP_STORE_APPLICATION_ID);
  if (!exec_fixed (self->db, self->display, "BEGIN IMMEDIATE", &local_error))
    goto fail;
  if (!exec_fixed (self->db, self->display, set_application_id, &local_error) ||
      !run_schema_steps (self->db, self->display, 0, &local_error))
    goto fail;

  stmt = _gap_store_statement (self, GAP_STMT_SET_META, &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, "edition", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gap_edition_to_string (edition), -1, SQLITE_STATIC);
  if (!_gap_store_run (self, stmt, &local_error) ||
      !exec_fixed (self->db, self->display, "COMMIT", &local_error))
    goto fail;

  if (!configure (self->db, self->display, FALSE, &local_error))
    goto fail;

  return g_steal_pointer (&self);

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  g_clear_pointer (&self, _gap_store_free);
  remove_created (path);
  return NULL;
}

static gboolean
is_read_only (const char        *path,
              const struct stat *st)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf dir_st;

  /* Write bits count even for root: a file made read-only is meant to be. */
  if ((st->st_mode & 0222) == 0 || access (path, W_OK) != 0)
    return TRUE;
  if (g_stat (dir, &dir_st) != 0 || (dir_st.st_mode & 0222) == 0 || access (dir, W_OK) != 0)
    return TRUE;
  return FALSE;
}

/* Opens @path read-only into memory, so that an older file that may not be
 * written can still be upgraded (in memory) and read; or, @mode
 * DB_READ_SHARED, to read one consistent snapshot of a file that another
 * process writes (the backup reads it in one read transaction). */
static sqlite3 *
open_into_memory (const char  *path,
                  const char  *display,
                  DbMode       mode,
                  GError     **error)
{
  sqlite3 *file_db;
  sqlite3 *mem_db = NULL;
  sqlite3_backup *backup;
  int rc;

  file_db = open_db (path, display, mode, error);
  if (file_db == NULL)
    return NULL;

  rc = sqlite3_open_v2 (":memory:", &mem_db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (mem_db, "main", file_db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (mem_db);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc != SQLITE_OK)
    {
      set_db_error (mem_db != NULL ? mem_db : file_db, display, rc, error);
      sqlite3_close_v2 (mem_db);
      mem_db = NULL;
    }
  sqlite3_close_v2 (file_db);
  return mem_db;
}

/* @read_only_wanted: never write to the file, not even to upgrade it. */
static GapStore *
store_open (const char  *path,
            gboolean     read_only_wanted,
            GError     **error)
{
  g_autoptr(GapStore) self = store_new (path);
  g_autoptr(GError) lock_error = NULL;
  DbMode mode;
  gint64 user_version = 0;
  struct stat st;

  self->lock_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->lock_fd < 0)
    {
      set_errno_error (errno, error, _("Could not open “%s”: %s"), self->display, g_strerror (errno));
      return NULL;
    }
  if (fstat (self->lock_fd, &st) != 0)
    {
      set_errno_error (errno, error, _("Could not open “%s”: %s"), self->display, g_strerror (errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not an ISMS Gap workspace."), self->display);
      return NULL;
    }

  self->read_only = read_only_wanted || is_read_only (path, &st);
  mode = self->read_only ? DB_READ : DB_WRITE;

  if (!take_lock (self, !self->read_only, &lock_error))
    {
      /* A reader that asked for nothing else need not wait for a writer:
       * SQLite's own locks give it a consistent snapshot. */
      if (!read_only_wanted || !g_error_matches (lock_error, GAP_ERROR, GAP_ERROR_IN_USE))
        {
          g_propagate_error (error, g_steal_pointer (&lock_error));
          return NULL;
        }
      mode = DB_READ_SHARED;
    }

  if (!check_header (self->lock_fd, self->display, error) ||
      !check_database (path, self->display, mode == DB_WRITE ? DB_READ : mode, &user_version,
                       error))
    return NULL;

  if (mode == DB_READ_SHARED || (self->read_only && user_version < GAP_STORE_SCHEMA_VERSION))
    self->db = open_into_memory (path, self->display, mode, error);
  else
    self->db = open_db (path, self->display, mode, error);
  if (self->db == NULL)
    return NULL;

  if (mode == DB_READ_SHARED)
    {
      gint64 application_id = 0;

      /* Not held: the snapshot is all there is. */
      close (self->lock_fd);
      self->lock_fd = -1;
      /* The writer may have upgraded the file since it was checked. */
      if (!query_int (self->db, self->display, "PRAGMA application_id", &application_id, error) ||
          !query_int (self->db, self->display, "PRAGMA user_version", &user_version, error) ||
          !check_version (self->display, application_id, user_version, error))
        return NULL;
    }

  if (!configure (self->db, self->display, self->read_only, error) ||
      !migrate (self->db, self->display, user_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

GapStore *
_gap_store_open (const char  *path,
                 GError     **error)
{
  return store_open (path, FALSE, error);
}

GapStore *
_gap_store_open_read_only (const char  *path,
                           GError     **error)
{
  return store_open (path, TRUE, error);
}

static gboolean
fsync_path (const char  *path,
            const char  *display,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (saved_errno, error, _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
_gap_store_copy_file (const char  *source,
                      const char  *dest,
                      GError     **error)
{
  g_autofree char *source_display = g_filename_display_name (source);
  g_autofree char *dest_display = g_filename_display_name (dest);
  sqlite3 *source_db = NULL;
  sqlite3 *dest_db = NULL;
  sqlite3_backup *backup;
  gint64 user_version = 0;
  int source_fd;
  int dest_fd;
  int rc;

  source_fd = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (source_fd < 0)
    {
      set_errno_error (errno, error, _("Could not open “%s”: %s"), source_display, g_strerror (errno));
      return FALSE;
    }
  if (!check_header (source_fd, source_display, error))
    {
      close (source_fd);
      return FALSE;
    }
  close (source_fd);

  if (!check_database (source, source_display, DB_READ, &user_version, error))
    return FALSE;

  dest_fd = g_open (dest, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (dest_fd < 0)
    {
      if (errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” already exists."), dest_display);
      else
        set_errno_error (errno, error, _("Could not create “%s”: %s"), dest_display, g_strerror (errno));
      return FALSE;
    }
  close (dest_fd);

  source_db = open_db (source, source_display, DB_READ, error);
  if (source_db == NULL)
    goto fail;
  dest_db = open_db (dest, dest_display, DB_WRITE, error);
  if (dest_db == NULL)
    goto fail;

  backup = sqlite3_backup_init (dest_db, "main", source_db, "main");
  if (backup == NULL)
    {
      set_db_error (dest_db, dest_display, sqlite3_errcode (dest_db), error);
      goto fail;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_db_error (dest_db, dest_display, rc, error);
      goto fail;
    }

  sqlite3_close_v2 (source_db);
  rc = sqlite3_close_v2 (dest_db);
  dest_db = NULL;
  source_db = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest_display, rc, 0, NULL, error);
      goto fail;
    }
  if (!fsync_path (dest, dest_display, error))
    goto fail;
  return TRUE;

fail:
  sqlite3_close_v2 (source_db);
  sqlite3_close_v2 (dest_db);
  remove_created (dest);
  return FALSE;
}

gboolean
_gap_store_save_copy (GapStore    *self,
                      const char  *dest,
                      GError     **error)
{
  g_autofree char *dest_display = g_filename_display_name (dest);
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *tmpl = NULL;
  sqlite3_stmt *stmt = NULL;
  int fd;
  int rc;

  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("Could not save a copy of “%s” while changes are being made."),
                   self->display);
      return FALSE;
    }

  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (errno, error, _("Could not save a copy to “%s”: %s"), dest_display, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  /* VACUUM INTO an empty file is allowed; it keeps the file's 0600. */
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmpl, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (self->db, dest_display, rc, error);
      sqlite3_finalize (stmt);
      remove_created (tmpl);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (!fsync_path (tmpl, dest_display, error))
    {
      remove_created (tmpl);
      return FALSE;
    }
  if (g_rename (tmpl, dest) != 0)
    {
      set_errno_error (errno, error, _("Could not save a copy to “%s”: %s"), dest_display, g_strerror (errno));
      remove_created (tmpl);
      return FALSE;
    }
  /* The rename itself must reach the disk. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

void
_gap_store_discard (GapStore *self)
{
  g_autofree char *path = g_strdup (self->path);

  _gap_store_free (self);
  remove_created (path);
}

gint64
_gap_store_last_insert_rowid (GapStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
_gap_store_get_read_only (GapStore *self)
{
  return self->read_only;
}

const char *
_gap_store_get_path (GapStore *self)
{
  return self->path;
}

gboolean
_gap_store_in_transaction (GapStore *self)
{
  return self->db != NULL && !sqlite3_get_autocommit (self->db);
}

static sqlite3_stmt *
cached_statement (GapStore      *self,
                  sqlite3_stmt **slot,
                  const char    *sql,
                  GError       **error)
{
  int rc;

  if (*slot == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
      if (rc != SQLITE_OK)
        {
          _gap_store_set_error (self, rc, error);
          *slot = NULL;
          return NULL;
        }
    }
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }
  return *slot;
}

sqlite3_stmt *
_gap_store_statement (GapStore           *self,
                      GapStoreStatement   id,
                      GError            **error)
{
  g_assert (id < GAP_N_STMTS);
  return cached_statement (self, &self->stmts[id], statement_sql[id], error);
}

sqlite3_stmt *
_gap_store_assessment_update (GapStore  *self,
                              guint      field,
                              GError   **error)
{
  g_assert (field < G_N_ELEMENTS (assessment_update_sql));
  return cached_statement (self, &self->assessment_updates[field],
                           assessment_update_sql[field], error);
}

sqlite3_stmt *
_gap_store_certificate_update (GapStore  *self,
                               guint      field,
                               GError   **error)
{
  g_assert (field < G_N_ELEMENTS (certificate_update_sql));
  return cached_statement (self, &self->certificate_updates[field],
                           certificate_update_sql[field], error);
}

gboolean
_gap_store_run (GapStore      *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc;

  if (self->read_only)
    {
      sqlite3_reset (stmt);
      g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                   _("“%s” is open read-only."), self->display);
      return FALSE;
    }

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  if (rc != SQLITE_DONE)
    {
      _gap_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_gap_store_next_row (GapStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      /* SQLite hands text back as stored: a damaged file, or one another
       * program wrote, may hold bytes that are not UTF-8 (or a NUL), and
       * nothing above the store (widgets, exporters, JSON) may get them. */
      for (int i = 0; i < sqlite3_data_count (stmt); i++)
        {
          int type = sqlite3_column_type (stmt, i);

          if ((type == SQLITE_TEXT || type == SQLITE_BLOB) &&
              !g_utf8_validate ((const char *) sqlite3_column_text (stmt, i),
                                sqlite3_column_bytes (stmt, i), NULL))
            {
              sqlite3_reset (stmt);
              g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT, _("“%s” is damaged: %s"),
                           self->display, _("it holds text that is not valid UTF-8."));
              return FALSE;
            }
        }
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _gap_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

const char *
_gap_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
is_savepoint_name (const char *name)
{
  return g_strcmp0 (name, "gap_edit") == 0 || g_strcmp0 (name, "gap_batch") == 0;
}

gboolean
_gap_store_savepoint (GapStore    *self,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *sql = NULL;

  g_assert (is_savepoint_name (name));

  if (self->read_only)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                   _("“%s” is open read-only."), self->display);
      return FALSE;
    }
  sql = g_strconcat ("SAVEPOINT ", name, NULL);
  return exec_fixed (self->db, self->display, sql, error);
}

void
_gap_store_rollback (GapStore   *self,
                     const char *name)
{
  g_autofree char *sql = NULL;

  g_assert (is_savepoint_name (name));

  /* After SQLITE_FULL or an I/O error SQLite may already have rolled the
   * whole transaction back; then there is nothing left to undo. */
  if (sqlite3_get_autocommit (self->db))
    return;
  sql = g_strconcat ("ROLLBACK TO ", name, "; RELEASE ", name, NULL);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

gboolean
_gap_store_release (GapStore    *self,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_assert (is_savepoint_name (name));

  sql = g_strconcat ("RELEASE ", name, NULL);
  if (exec_fixed (self->db, self->display, sql, error))
    return TRUE;
  _gap_store_rollback (self, name);
  return FALSE;
}
