/* gap-store-private.h — the SQLite file behind a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store owns the sqlite3 handle, the lock on the file, the schema and
 * its migrations, and every SQL statement (a fixed table: no SQL is ever
 * built from input). The workspace binds values and steps.
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "gap-types.h"

G_BEGIN_DECLS

/* "ISMG": PRAGMA application_id of every workspace file. */
#define GAP_STORE_APPLICATION_ID 0x49534d47
/* PRAGMA user_version this program writes; older files are migrated. */
#define GAP_STORE_SCHEMA_VERSION 3

typedef struct _GapStore GapStore;

typedef enum
{
  GAP_STMT_GET_META,
  GAP_STMT_SET_META,
  GAP_STMT_ENSURE_SCOPE,
  GAP_STMT_ENSURE_SERVICE,
  GAP_STMT_ENSURE_CERTIFICATE,
  GAP_STMT_ENSURE_ASSESSMENT,
  GAP_STMT_LOAD_SCOPE,
  GAP_STMT_LOAD_SCOPE_ITEMS,
  GAP_STMT_LOAD_SERVICES,
  GAP_STMT_LOAD_CERTIFICATES,
  GAP_STMT_LOAD_ASSESSMENTS,
  GAP_STMT_LOAD_ASSESSMENT_SERVICES,
  GAP_STMT_SET_SCOPE,
  GAP_STMT_ADD_SCOPE_ITEM,
  GAP_STMT_RESTORE_SCOPE_ITEM,
  GAP_STMT_UPDATE_SCOPE_ITEM,
  GAP_STMT_REMOVE_SCOPE_ITEM,
  GAP_STMT_SET_SCOPE_ITEM_POSITION,
  GAP_STMT_SET_SERVICE_IN_USE,
  GAP_STMT_ADD_CUSTOM_SERVICE,
  GAP_STMT_UPDATE_CUSTOM_SERVICE,
  GAP_STMT_REMOVE_SERVICE,
  GAP_STMT_ADD_CUSTOM_CERTIFICATE,
  GAP_STMT_CLEAR_ASSESSMENT_SERVICES,
  GAP_STMT_ADD_ASSESSMENT_SERVICE,
  GAP_STMT_LOG,
  GAP_STMT_LOAD_LOG,
  GAP_STMT_LOG_TIMES,
  GAP_STMT_LOG_TIMES_NORMAL,
  GAP_N_STMTS
} GapStoreStatement;

/* Creates @path (mode 0600; G_IO_ERROR_EXISTS if it exists) with the
 * current schema and @edition. On error nothing is left behind. */
GapStore     *_gap_store_create          (const char        *path,
                                          GapEdition         edition,
                                          GError           **error);
/* Validates @path (without touching it), then opens it read-write, or
 * read-only when the file or its folder may not be written, and migrates
 * an older schema forward. */
GapStore     *_gap_store_open            (const char        *path,
                                          GError           **error);
/* The same checks, but never writes to @path: a shared lock, an older
 * schema upgraded in memory only. While another process has @path open
 * for writing, reads a snapshot of what it committed into memory instead
 * of refusing with GAP_ERROR_IN_USE. The store is read-only. */
GapStore     *_gap_store_open_read_only  (const char        *path,
                                          GError           **error);
/* Copies the SQLite database @source into @dest (created 0600, must not
 * exist) with the backup API, after validating @source as _open() does. */
gboolean      _gap_store_copy_file       (const char        *source,
                                          const char        *dest,
                                          GError           **error);
/* VACUUM INTO a temporary file beside @dest, then rename over @dest. */
gboolean      _gap_store_save_copy       (GapStore          *self,
                                          const char        *dest,
                                          GError           **error);
void          _gap_store_free            (GapStore          *self);
/* Frees the store and deletes the file it created (a failed create). */
void          _gap_store_discard         (GapStore          *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapStore, _gap_store_free)

gboolean      _gap_store_get_read_only   (GapStore          *self);
const char   *_gap_store_get_path        (GapStore          *self);
gboolean      _gap_store_in_transaction  (GapStore          *self);

/* A cached prepared statement, reset and unbound, ready to bind. */
sqlite3_stmt *_gap_store_statement       (GapStore          *self,
                                          GapStoreStatement  id,
                                          GError           **error);
/* "UPDATE assessment SET <column of field> = ?1, changed = ?2 WHERE
 * control_id = ?3", column from a fixed table. */
sqlite3_stmt *_gap_store_assessment_update (GapStore        *self,
                                          guint              field,
                                          GError           **error);
/* "UPDATE certificate SET <column> = ?1 WHERE family_id = ?2". */
sqlite3_stmt *_gap_store_certificate_update (GapStore       *self,
                                          guint              field,
                                          GError           **error);
/* Steps @stmt to the end (a write), then resets it. */
gboolean      _gap_store_run             (GapStore          *self,
                                          sqlite3_stmt      *stmt,
                                          GError           **error);
/* Steps once: TRUE with a row, FALSE at the end (error unset) or on error. */
gboolean      _gap_store_next_row        (GapStore          *self,
                                          sqlite3_stmt      *stmt,
                                          GError           **error);
gint64        _gap_store_last_insert_rowid (GapStore        *self);
/* sqlite3_column_text, never NULL. */
const char   *_gap_store_column_text     (sqlite3_stmt      *stmt,
                                          int                column);

/* Savepoints: @name is one of "gap_edit" and "gap_batch". release() commits
 * (or folds into the outer savepoint); on failure it rolls back and
 * returns FALSE with the error. */
gboolean      _gap_store_savepoint       (GapStore          *self,
                                          const char        *name,
                                          GError           **error);
gboolean      _gap_store_release         (GapStore          *self,
                                          const char        *name,
                                          GError           **error);
void          _gap_store_rollback        (GapStore          *self,
                                          const char        *name);

/* Maps an SQLite result code to a translated GAP_ERROR naming the file. */
void          _gap_store_set_error       (GapStore          *self,
                                          int                rc,
                                          GError           **error);

G_END_DECLS
