/* gap-json-writer-private.h — JSON written straight into a stream, for the core and exporters
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lossless JSON export and the OSCAL documents are written member by
 * member, in the order they are called, into a buffer that goes to the
 * stream in large writes: no tree is built, printed and freed. The bytes
 * are those json-glib 1.6's pretty printer (indent 2) gives for the same
 * document, with two exceptions where it writes what a JSON parser must
 * refuse: U+001F is escaped, and a string that is not UTF-8 has each
 * invalid byte replaced with U+FFFD (the importer refuses such bytes).
 *
 * Errors are sticky: after the first failed write every call does
 * nothing, and _gap_json_writer_finish() reports that error. Calls out of
 * order (a value in an object without a member name, an end without its
 * begin) are programming errors and fail with a critical warning.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GapJsonWriter GapJsonWriter;

/* Writes into @stream, which must stay open until the writer is freed. */
GapJsonWriter *_gap_json_writer_new            (GOutputStream *stream,
                                                GCancellable  *cancellable);
void           _gap_json_writer_free           (GapJsonWriter *self);

void           _gap_json_writer_begin_object   (GapJsonWriter *self);
void           _gap_json_writer_end_object     (GapJsonWriter *self);
void           _gap_json_writer_begin_array    (GapJsonWriter *self);
void           _gap_json_writer_end_array      (GapJsonWriter *self);
/* The name of the next value, inside an object. */
void           _gap_json_writer_member         (GapJsonWriter *self,
                                                const char    *name);
void           _gap_json_writer_string         (GapJsonWriter *self,
                                                const char    *value);
void           _gap_json_writer_int            (GapJsonWriter *self,
                                                gint64         value);
void           _gap_json_writer_boolean        (GapJsonWriter *self,
                                                gboolean       value);
void           _gap_json_writer_null           (GapJsonWriter *self);

/* A member and its value in one call. */
void           _gap_json_writer_member_string  (GapJsonWriter *self,
                                                const char    *name,
                                                const char    *value);
void           _gap_json_writer_member_boolean (GapJsonWriter *self,
                                                const char    *name,
                                                gboolean       value);

/* FALSE once a write has failed (then _gap_json_writer_finish() says why). */
gboolean       _gap_json_writer_ok             (GapJsonWriter *self);
/* Ends the document with a newline, as text files end, and writes out
 * what is buffered. The document must be whole. The stream stays open. */
gboolean       _gap_json_writer_finish         (GapJsonWriter *self,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapJsonWriter, _gap_json_writer_free)

G_END_DECLS
