/* gap-json.c — the lossless, versioned JSON form of a workspace (docs/json-format.md)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing: member by member into the stream (gap-json-writer-private.h),
 * in a fixed order, pretty printed, so the same workspace always gives the
 * same bytes.
 *
 * Reading: an import comes from outside and may be anything. The bytes are
 * checked first (size, UTF-8, nesting depth: json-glib's parser recurses,
 * so a deeply nested document must never reach it), then parsed, then the
 * whole document is validated into a plain C description before a single
 * file is created. Only then is the workspace built, in one batch, at a
 * temporary name that becomes @dest when it is whole.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gap-core-resources.h"
#include "gap-error.h"
#include "gap-json-private.h"
#include "gap-json-writer-private.h"
#include "gap-staging-private.h"
#include "gap-text-private.h"
#include "gap-workspace-private.h"

#define FORMAT_NAME       "isms-gap-workspace"
/* 2 added "uuid"; version 1 documents are still read (docs/json-format.md). */
#define FORMAT_VERSION    2
#define MAX_DEPTH         64
#define MAX_STRING_BYTES  (1024 * 1024)


static const char * const scope_members[GAP_DOC_N_SCOPE_FIELDS] = {
  [GAP_SCOPE_FIELD_ORGANIZATION] = "organization",
  [GAP_SCOPE_FIELD_STATEMENT] = "statement",
  [GAP_SCOPE_FIELD_ASSESSOR] = "assessor",
  [GAP_SCOPE_FIELD_ASSESSMENT_DATE] = "assessment_date",
};

static const char * const certificate_members[GAP_DOC_N_CERTIFICATE_FIELDS] = {
  [GAP_CERTIFICATE_FIELD_REFERENCE] = "reference",
  [GAP_CERTIFICATE_FIELD_ISSUER] = "issuer",
  [GAP_CERTIFICATE_FIELD_LAST_AUDIT] = "last_audit",
  [GAP_CERTIFICATE_FIELD_EXPIRY] = "expiry",
  [GAP_CERTIFICATE_FIELD_NOTES] = "notes",
};

static gboolean
is_date_certificate_field (guint field)
{
  return field == GAP_CERTIFICATE_FIELD_LAST_AUDIT || field == GAP_CERTIFICATE_FIELD_EXPIRY;
}

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

static void
add_string (GapJsonWriter *writer,
            const char    *member,
            const char    *value)
{
  _gap_json_writer_member_string (writer, member, nonnull (value));
}

static void
add_date (GapJsonWriter *writer,
          const char    *member,
          const char    *value)
{
  _gap_json_writer_member (writer, member);
  if (value == NULL || value[0] == '\0')
    _gap_json_writer_null (writer);
  else
    _gap_json_writer_string (writer, value);
}

typedef const char *(*FlagToString) (guint flag);

/* Flags as an array of their strings, lowest bit first. */
static void
add_flags (GapJsonWriter *writer,
           const char    *member,
           guint          flags,
           FlagToString   to_string)
{
  _gap_json_writer_member (writer, member);
  _gap_json_writer_begin_array (writer);
  for (guint bit = 0; bit < 32; bit++)
    {
      const char *nick = (flags & (1u << bit)) ? to_string (1u << bit) : NULL;

      if (nick != NULL)
        _gap_json_writer_string (writer, nick);
    }
  _gap_json_writer_end_array (writer);
}

static const char *
reason_to_string (guint flag)
{
  return gap_reason_to_string (flag);
}

static const char *
service_model_to_string (guint flag)
{
  return gap_service_model_to_string (flag);
}

static void
write_scope (GapJsonWriter *writer,
             GapDoc        *doc)
{
  _gap_json_writer_member (writer, "scope");
  _gap_json_writer_begin_object (writer);

  for (guint field = 0; field < GAP_DOC_N_SCOPE_FIELDS; field++)
    {
      if (field == GAP_SCOPE_FIELD_ASSESSMENT_DATE)
        add_date (writer, scope_members[field], doc->scope[field]);
      else
        add_string (writer, scope_members[field], doc->scope[field]);
    }

  _gap_json_writer_member (writer, "items");
  _gap_json_writer_begin_object (writer);
  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      _gap_json_writer_member (writer, gap_scope_kind_to_string (kind));
      _gap_json_writer_begin_array (writer);
      for (guint i = 0; i < doc->scope_items->len; i++)
        {
          GapDocScopeItem *item = g_ptr_array_index (doc->scope_items, i);

          if (item->kind != kind)
            continue;
          _gap_json_writer_begin_object (writer);
          add_string (writer, "name", item->name);
          add_string (writer, "detail", item->detail);
          _gap_json_writer_end_object (writer);
        }
      _gap_json_writer_end_array (writer);
    }
  _gap_json_writer_end_object (writer);

  _gap_json_writer_end_object (writer);
}

static void
write_services (GapJsonWriter *writer,
                GapDoc        *doc)
{
  GListModel *services = gap_catalog_get_services (doc->catalog);
  guint n = g_list_model_get_n_items (services);

  _gap_json_writer_member (writer, "services");
  _gap_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      const char *id = gap_service_get_id (service);

      _gap_json_writer_begin_object (writer);
      add_string (writer, "id", id);
      _gap_json_writer_member_boolean (writer, "in_use",
                                       GPOINTER_TO_INT (g_hash_table_lookup (doc->in_use, id)));
      _gap_json_writer_end_object (writer);
    }
  _gap_json_writer_end_array (writer);

  _gap_json_writer_member (writer, "custom_providers");
  _gap_json_writer_begin_array (writer);
  for (guint i = 0; i < doc->customs->len; i++)
    {
      GapDocCustom *custom = g_ptr_array_index (doc->customs, i);

      _gap_json_writer_begin_object (writer);
      add_string (writer, "id", custom->id);
      add_string (writer, "name", custom->name);
      add_flags (writer, "models", custom->models, service_model_to_string);
      _gap_json_writer_member_boolean (writer, "in_use", custom->in_use);
      _gap_json_writer_end_object (writer);
    }
  _gap_json_writer_end_array (writer);
}

static void
write_certificates (GapJsonWriter *writer,
                    GapDoc        *doc)
{
  _gap_json_writer_member (writer, "certificates");
  _gap_json_writer_begin_array (writer);
  for (guint i = 0; i < doc->certificates->len; i++)
    {
      GapDocCertificate *certificate = g_ptr_array_index (doc->certificates, i);

      _gap_json_writer_begin_object (writer);
      add_string (writer, "family", certificate->family);
      for (guint field = 0; field < GAP_DOC_N_CERTIFICATE_FIELDS; field++)
        {
          if (is_date_certificate_field (field))
            add_date (writer, certificate_members[field], certificate->fields[field]);
          else
            add_string (writer, certificate_members[field], certificate->fields[field]);
        }
      _gap_json_writer_end_object (writer);
    }
  _gap_json_writer_end_array (writer);
}

static void
write_assessment (GapJsonWriter    *writer,
                  GapDocAssessment *assessment)
{
  _gap_json_writer_begin_object (writer);
  add_string (writer, "control", gap_control_get_id (assessment->control));
  add_string (writer, "applicability", gap_applicability_to_string (assessment->applicability));
  add_string (writer, "justification", assessment->justification);
  add_flags (writer, "reasons", assessment->reasons, reason_to_string);
  add_string (writer, "responsibility", gap_responsibility_to_string (assessment->responsibility));

  _gap_json_writer_member (writer, "services");
  _gap_json_writer_begin_array (writer);
  for (guint i = 0; assessment->services[i] != NULL; i++)
    _gap_json_writer_string (writer, assessment->services[i]);
  _gap_json_writer_end_array (writer);

  add_string (writer, "status", gap_status_to_string (assessment->status));
  add_string (writer, "owner", assessment->owner);
  add_date (writer, "due_date", assessment->due_date);
  add_string (writer, "priority", gap_priority_to_string (assessment->priority));
  add_string (writer, "evidence", assessment->evidence);
  add_string (writer, "notes", assessment->notes);
  _gap_json_writer_member_boolean (writer, "needs_review", assessment->needs_review);
  _gap_json_writer_end_object (writer);
}

/* The document, then a final newline as text files have. */
static gboolean
write_doc (GapDoc        *doc,
           GOutputStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GapJsonWriter) writer = _gap_json_writer_new (stream, cancellable);

  _gap_json_writer_begin_object (writer);
  add_string (writer, "format", FORMAT_NAME);
  _gap_json_writer_member (writer, "version");
  _gap_json_writer_int (writer, FORMAT_VERSION);
  add_string (writer, "edition", gap_edition_to_string (doc->edition));
  add_string (writer, "uuid", doc->uuid);
  write_scope (writer, doc);
  write_services (writer, doc);
  write_certificates (writer, doc);

  _gap_json_writer_member (writer, "assessments");
  _gap_json_writer_begin_array (writer);
  for (guint i = 0; i < doc->assessments->len && _gap_json_writer_ok (writer); i++)
    write_assessment (writer, g_ptr_array_index (doc->assessments, i));
  _gap_json_writer_end_array (writer);
  _gap_json_writer_end_object (writer);

  return _gap_json_writer_finish (writer, error);
}

GBytes *
_gap_workspace_to_json_bytes (GapWorkspace *self)
{
  g_autoptr(GapDoc) doc = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);

  doc = _gap_doc_new_from_workspace (self);
  stream = g_memory_output_stream_new_resizable ();
  /* Memory does not fail to be written. */
  if (!write_doc (doc, stream, NULL, &error) || !g_output_stream_close (stream, NULL, &error))
    g_error ("%s", error->message);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

gboolean
gap_workspace_write_json (GapWorkspace  *self,
                          GOutputStream *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GapDoc) doc = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = _gap_doc_new_from_workspace (self);
  return write_doc (doc, stream, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* The document as C data                                              */
/* ------------------------------------------------------------------ */

static void
doc_scope_item_free (gpointer data)
{
  GapDocScopeItem *item = data;

  g_free (item->name);
  g_free (item->detail);
  g_free (item);
}

static void
doc_custom_free (gpointer data)
{
  GapDocCustom *custom = data;

  g_free (custom->id);
  g_free (custom->name);
  g_free (custom);
}

static void
doc_certificate_free (gpointer data)
{
  GapDocCertificate *certificate = data;

  g_free (certificate->family);
  for (guint i = 0; i < GAP_DOC_N_CERTIFICATE_FIELDS; i++)
    g_free (certificate->fields[i]);
  g_free (certificate);
}

void
_gap_doc_assessment_free (gpointer data)
{
  GapDocAssessment *assessment = data;

  g_free (assessment->justification);
  g_strfreev (assessment->services);
  g_free (assessment->owner);
  g_free (assessment->due_date);
  g_free (assessment->evidence);
  g_free (assessment->notes);
  g_free (assessment);
}

GapDoc *
_gap_doc_new (GapCatalog *catalog)
{
  GapDoc *doc = g_new0 (GapDoc, 1);

  doc->catalog = g_object_ref (catalog);
  doc->scope_items = g_ptr_array_new_with_free_func (doc_scope_item_free);
  doc->in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->customs = g_ptr_array_new_with_free_func (doc_custom_free);
  doc->certificates = g_ptr_array_new_with_free_func (doc_certificate_free);
  doc->assessments = g_ptr_array_new_with_free_func (_gap_doc_assessment_free);

  return doc;
}

void
_gap_doc_free (GapDoc *doc)
{
  g_object_unref (doc->catalog);
  g_free (doc->uuid);
  for (guint i = 0; i < GAP_DOC_N_SCOPE_FIELDS; i++)
    g_free (doc->scope[i]);
  g_ptr_array_unref (doc->scope_items);
  g_hash_table_unref (doc->in_use);
  g_ptr_array_unref (doc->customs);
  g_ptr_array_unref (doc->certificates);
  g_ptr_array_unref (doc->assessments);
  g_free (doc);
}

GapDocAssessment *
_gap_doc_assessment_new (GapControl *control)
{
  GapDocAssessment *assessment = g_new0 (GapDocAssessment, 1);

  assessment->control = control;
  assessment->services = g_new0 (char *, 1);
  return assessment;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

GapDoc *
_gap_doc_new_from_workspace (GapWorkspace *workspace)
{
  GapDoc *doc;
  GListModel *model;
  g_autoptr(GHashTable) custom_ids = NULL;
  g_autoptr(GHashTable) certificate_ids = NULL;
  guint n;

  g_return_val_if_fail (GAP_IS_WORKSPACE (workspace), NULL);

  doc = _gap_doc_new (gap_workspace_get_catalog (workspace));
  doc->edition = gap_workspace_get_edition (workspace);
  doc->uuid = g_strdup (gap_workspace_get_uuid (workspace));

  /* Custom providers are written as "custom-1", "custom-2", … in their
   * order, whatever their IDs in the store, and every reference follows:
   * removed providers leave holes in the store's numbering that would
   * otherwise make an imported copy export differently from its original. */
  custom_ids = g_hash_table_new (g_str_hash, g_str_equal);
  certificate_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint field = 0; field < GAP_DOC_N_SCOPE_FIELDS; field++)
    doc->scope[field] = dup_nonempty (gap_workspace_get_scope_field (workspace, field));

  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      model = gap_workspace_get_scope_items (workspace, kind);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);
          GapDocScopeItem *doc_item = g_new0 (GapDocScopeItem, 1);

          doc_item->kind = kind;
          doc_item->name = g_strdup (gap_scope_item_get_name (item));
          doc_item->detail = dup_nonempty (gap_scope_item_get_detail (item));
          g_ptr_array_add (doc->scope_items, doc_item);
        }
    }

  model = gap_workspace_get_services (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (model, i);
      const char * const *family_ids;
      GapDocCustom *custom;

      if (!gap_service_record_get_is_custom (record))
        {
          g_hash_table_insert (doc->in_use, g_strdup (gap_service_record_get_id (record)),
                               GINT_TO_POINTER (gap_service_record_get_in_use (record)));
          continue;
        }

      custom = g_new0 (GapDocCustom, 1);
      custom->id = g_strdup_printf ("custom-%u", doc->customs->len + 1);
      custom->name = g_strdup (gap_service_record_get_name (record, NULL));
      custom->models = gap_service_record_get_models (record);
      custom->in_use = gap_service_record_get_in_use (record);
      g_ptr_array_add (doc->customs, custom);

      /* The record lives as long as the workspace: its strings may be keys. */
      g_hash_table_insert (custom_ids, (gpointer) gap_service_record_get_id (record), custom->id);
      family_ids = gap_service_record_get_family_ids (record);
      if (family_ids != NULL && family_ids[0] != NULL)
        g_hash_table_insert (certificate_ids, (gpointer) family_ids[0], custom->id);
    }

  model = gap_workspace_get_certificates (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (model, i);
      const char *family = gap_certificate_get_family_id (certificate);
      GapDocCertificate *doc_certificate;

      if (gap_certificate_get_family (certificate) == NULL)
        family = g_hash_table_lookup (certificate_ids, family);
      /* A certificate of no provider could not be read back; the store
       * never makes one, so nothing is lost. */
      if (family == NULL)
        continue;

      doc_certificate = g_new0 (GapDocCertificate, 1);
      doc_certificate->family = g_strdup (family);
      for (guint field = 0; field < GAP_DOC_N_CERTIFICATE_FIELDS; field++)
        doc_certificate->fields[field] = dup_nonempty (gap_certificate_get_field (certificate, field));
      g_ptr_array_add (doc->certificates, doc_certificate);
    }

  model = gap_workspace_get_assessments (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (model, i);
      GapDocAssessment *doc_assessment = _gap_doc_assessment_new (gap_assessment_get_control (a));
      const char * const *services = gap_assessment_get_services (a);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint k = 0; services != NULL && services[k] != NULL; k++)
        {
          const char *id = g_hash_table_lookup (custom_ids, services[k]);
          g_strv_builder_add (builder, id != NULL ? id : services[k]);
        }

      g_strfreev (doc_assessment->services);
      doc_assessment->services = g_strv_builder_end (builder);
      doc_assessment->applicability = gap_assessment_get_applicability (a);
      doc_assessment->justification = dup_nonempty (gap_assessment_get_justification (a));
      doc_assessment->reasons = gap_assessment_get_reasons (a);
      doc_assessment->responsibility = gap_assessment_get_responsibility (a);
      doc_assessment->status = gap_assessment_get_status (a);
      doc_assessment->owner = dup_nonempty (gap_assessment_get_owner (a));
      doc_assessment->due_date = dup_nonempty (gap_assessment_get_due_date (a));
      doc_assessment->priority = gap_assessment_get_priority (a);
      doc_assessment->evidence = dup_nonempty (gap_assessment_get_evidence (a));
      doc_assessment->notes = dup_nonempty (gap_assessment_get_notes (a));
      doc_assessment->needs_review = gap_assessment_get_needs_review (a);
      g_ptr_array_add (doc->assessments, doc_assessment);
    }

  return doc;
}


/* ------------------------------------------------------------------ */
/* Reading: checks that name the place                                 */
/* ------------------------------------------------------------------ */

static gboolean G_GNUC_PRINTF (3, 4)
fail_at (GError    **error,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a place in a JSON document ("assessments[12].status"),
   * then what is wrong there. */
  g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("%s: %s"), path, message);
  return FALSE;
}

static char *
member_path (const char *path,
             const char *member)
{
  return path[0] == '\0' ? g_strdup (member) : g_strdup_printf ("%s.%s", path, member);
}

static char *
element_path (const char *path,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static const char *
node_type_label (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("true or false");
        default: return _("a number");
        }
    }
}

static gboolean
expect_object (JsonNode    *node,
               const char  *path,
               JsonObject **out,
               GError     **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, path, _("expected an object, found %s"), node_type_label (node));

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
expect_array (JsonNode   *node,
              const char *path,
              JsonArray **out,
              GError    **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_at (error, path, _("expected an array, found %s"), node_type_label (node));

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
expect_string (JsonNode    *node,
               const char  *path,
               const char **out,
               GError     **error)
{
  const char *value;

  *out = NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_at (error, path, _("expected a string, found %s"), node_type_label (node));

  value = json_node_get_string (node);
  if (strlen (value) > MAX_STRING_BYTES)
    return fail_at (error, path, _("longer than 1 MiB"));

  *out = value;
  return TRUE;
}

static gboolean
expect_boolean (JsonNode   *node,
                const char *path,
                gboolean   *out,
                GError    **error)
{
  *out = FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_at (error, path, _("expected true or false, found %s"), node_type_label (node));

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A date member: "YYYY-MM-DD", or null/"" for unset (stored as NULL). */
static gboolean
expect_date (JsonNode    *node,
             const char  *path,
             char       **out,
             GError     **error)
{
  const char *value;

  *out = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!expect_string (node, path, &value, error))
    return FALSE;

  if (value[0] != '\0' && !_gap_date_parse (value, NULL))
    return fail_at (error, path, _("not a date of the form YYYY-MM-DD: “%s”"), value);

  *out = value[0] != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

static gboolean
check_members (JsonObject         *object,
               const char         *path,
               const char * const *allowed,
               const char * const *required,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *where = member_path (path, l->data);
        return fail_at (error, where, _("unknown member"));
      }

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      {
        g_autofree char *where = member_path (path, required[i]);
        return fail_at (error, where, _("missing"));
      }

  return TRUE;
}

typedef gboolean (*EnumFromString) (const char *str, int *out);

/* The typed from_string() functions, callable as EnumFromString. */
#define ENUM_READER(name, Type)                          \
  static gboolean                                        \
  name##_from (const char *str,                          \
               int        *out)                          \
  {                                                      \
    Type value;                                          \
    if (!name##_from_string (str, &value))               \
      return FALSE;                                      \
    *out = (int) value;                                  \
    return TRUE;                                         \
  }

ENUM_READER (gap_edition, GapEdition)
ENUM_READER (gap_applicability, GapApplicability)
ENUM_READER (gap_responsibility, GapResponsibility)
ENUM_READER (gap_status, GapStatus)
ENUM_READER (gap_priority, GapPriority)
ENUM_READER (gap_reason, GapReasonFlags)
ENUM_READER (gap_service_model, GapServiceModelFlags)

#undef ENUM_READER

/* An enum member by its stable string. */
static gboolean
expect_enum (JsonNode       *node,
             const char     *path,
             EnumFromString  from_string,
             int            *out,
             GError        **error)
{
  const char *value;

  *out = 0;
  if (!expect_string (node, path, &value, error))
    return FALSE;

  if (!from_string (value, out))
    return fail_at (error, path, _("unknown value “%s”"), value);

  return TRUE;
}

/* An array of flag strings; each at most once. */
static gboolean
expect_flags (JsonNode       *node,
              const char     *path,
              EnumFromString  from_string,
              guint          *out,
              GError        **error)
{
  JsonArray *array;
  guint flags = 0;

  *out = 0;
  if (!expect_array (node, path, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path (path, i);
      int flag;

      if (!expect_enum (json_array_get_element (array, i), where, from_string, &flag, error))
        return FALSE;
      if (flags & (guint) flag)
        return fail_at (error, where, _("listed twice"));
      flags |= (guint) flag;
    }

  *out = flags;
  return TRUE;
}

/* A plain text member into @out (NULL stays NULL when absent). */
static gboolean
read_text (JsonObject  *object,
           const char  *path,
           const char  *member,
           char       **out,
           GError     **error)
{
  g_autofree char *where = NULL;
  const char *value;

  if (!json_object_has_member (object, member))
    return TRUE;

  where = member_path (path, member);
  if (!expect_string (json_object_get_member (object, member), where, &value, error))
    return FALSE;

  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *member,
           char       **out,
           GError     **error)
{
  g_autofree char *where = NULL;

  if (!json_object_has_member (object, member))
    return TRUE;

  where = member_path (path, member);
  g_free (*out);
  *out = NULL;
  return expect_date (json_object_get_member (object, member), where, out, error);
}

/* ------------------------------------------------------------------ */
/* Reading: the sections                                               */
/* ------------------------------------------------------------------ */

static gboolean
read_scope (GapDoc        *doc,
            JsonNode   *node,
            GError    **error)
{
  static const char * const allowed[] = {
    "organization", "statement", "assessor", "assessment_date", "items", NULL
  };
  static const char * const item_members[] = { "name", "detail", NULL };
  static const char * const item_required[] = { "name", NULL };
  JsonObject *scope;
  JsonObject *items;

  if (!expect_object (node, "scope", &scope, error) ||
      !check_members (scope, "scope", allowed, NULL, error))
    return FALSE;

  for (guint field = 0; field < GAP_DOC_N_SCOPE_FIELDS; field++)
    {
      gboolean ok = field == GAP_SCOPE_FIELD_ASSESSMENT_DATE
                    ? read_date (scope, "scope", scope_members[field], &doc->scope[field], error)
                    : read_text (scope, "scope", scope_members[field], &doc->scope[field], error);
      if (!ok)
        return FALSE;
    }

  if (!json_object_has_member (scope, "items"))
    return TRUE;

  if (!expect_object (json_object_get_member (scope, "items"), "scope.items", &items, error))
    return FALSE;

  {
    g_autoptr(GList) members = json_object_get_members (items);

    for (const GList *l = members; l != NULL; l = l->next)
      if (!gap_scope_kind_from_string (l->data, NULL))
        {
          g_autofree char *where = member_path ("scope.items", l->data);
          return fail_at (error, where, _("unknown kind of scope item"));
        }
  }

  /* In the order of the kinds, so the result does not depend on the order
   * of members in the document. */
  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      const char *nick = gap_scope_kind_to_string (kind);
      g_autofree char *path = g_strdup_printf ("scope.items.%s", nick);
      JsonArray *array;

      if (!json_object_has_member (items, nick))
        continue;
      if (!expect_array (json_object_get_member (items, nick), path, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = element_path (path, i);
          GapDocScopeItem *item;
          JsonObject *object;

          if (!expect_object (json_array_get_element (array, i), where, &object, error) ||
              !check_members (object, where, item_members, item_required, error))
            return FALSE;

          item = g_new0 (GapDocScopeItem, 1);
          item->kind = kind;
          g_ptr_array_add (doc->scope_items, item);
          if (!read_text (object, where, "name", &item->name, error) ||
              !read_text (object, where, "detail", &item->detail, error))
            return FALSE;
          if (_gap_text_is_blank (item->name))
            {
              g_autofree char *name_path = member_path (where, "name");
              return fail_at (error, name_path, _("must not be empty"));
            }
        }
    }

  return TRUE;
}

static gboolean
read_services (GapDoc       *doc,
               JsonNode  *node,
               GError   **error)
{
  static const char * const allowed[] = { "id", "in_use", NULL };
  static const char * const required[] = { "id", "in_use", NULL };
  JsonArray *array;

  if (!expect_array (node, "services", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path ("services", i);
      g_autofree char *id_path = member_path (where, "id");
      g_autofree char *in_use_path = member_path (where, "in_use");
      JsonObject *object;
      const char *id;
      gboolean in_use;

      if (!expect_object (json_array_get_element (array, i), where, &object, error) ||
          !check_members (object, where, allowed, required, error) ||
          !expect_string (json_object_get_member (object, "id"), id_path, &id, error) ||
          !expect_boolean (json_object_get_member (object, "in_use"), in_use_path, &in_use, error))
        return FALSE;

      if (gap_catalog_lookup_service (doc->catalog, id) == NULL)
        return fail_at (error, id_path, _("unknown service “%s”"), id);
      if (g_hash_table_contains (doc->in_use, id))
        return fail_at (error, id_path, _("“%s” appears twice"), id);

      g_hash_table_insert (doc->in_use, g_strdup (id), GINT_TO_POINTER (in_use));
    }

  return TRUE;
}

static GapDocCustom *
doc_lookup_custom (GapDoc        *doc,
                   const char *id)
{
  for (guint i = 0; i < doc->customs->len; i++)
    {
      GapDocCustom *custom = g_ptr_array_index (doc->customs, i);
      if (strcmp (custom->id, id) == 0)
        return custom;
    }

  return NULL;
}

static gboolean
read_custom_providers (GapDoc       *doc,
                       JsonNode  *node,
                       GError   **error)
{
  static const char * const allowed[] = { "id", "name", "models", "in_use", NULL };
  static const char * const required[] = { "id", "name", NULL };
  JsonArray *array;

  if (!expect_array (node, "custom_providers", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path ("custom_providers", i);
      g_autofree char *id_path = member_path (where, "id");
      g_autofree char *name_path = member_path (where, "name");
      JsonObject *object;
      const char *id;
      const char *name;
      GapDocCustom *custom;

      if (!expect_object (json_array_get_element (array, i), where, &object, error) ||
          !check_members (object, where, allowed, required, error) ||
          !expect_string (json_object_get_member (object, "id"), id_path, &id, error) ||
          !expect_string (json_object_get_member (object, "name"), name_path, &name, error))
        return FALSE;

      if (_gap_text_is_blank (id))
        return fail_at (error, id_path, _("must not be empty"));
      if (gap_catalog_lookup_service (doc->catalog, id) != NULL ||
          gap_catalog_lookup_cert_family (doc->catalog, id) != NULL)
        return fail_at (error, id_path, _("“%s” is the ID of a catalog service"), id);
      if (doc_lookup_custom (doc, id) != NULL)
        return fail_at (error, id_path, _("“%s” appears twice"), id);
      if (_gap_text_is_blank (name))
        return fail_at (error, name_path, _("must not be empty"));

      custom = g_new0 (GapDocCustom, 1);
      custom->id = g_strdup (id);
      custom->name = g_strdup (name);
      custom->in_use = TRUE;
      g_ptr_array_add (doc->customs, custom);

      if (json_object_has_member (object, "models"))
        {
          g_autofree char *models_path = member_path (where, "models");
          guint models;

          if (!expect_flags (json_object_get_member (object, "models"), models_path,
                             gap_service_model_from, &models, error))
            return FALSE;
          custom->models = models;
        }

      if (json_object_has_member (object, "in_use"))
        {
          g_autofree char *in_use_path = member_path (where, "in_use");

          if (!expect_boolean (json_object_get_member (object, "in_use"), in_use_path,
                               &custom->in_use, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_certificates (GapDoc       *doc,
                   JsonNode  *node,
                   GError   **error)
{
  static const char * const allowed[] = {
    "family", "reference", "issuer", "last_audit", "expiry", "notes", NULL
  };
  static const char * const required[] = { "family", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!expect_array (node, "certificates", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path ("certificates", i);
      g_autofree char *family_path = member_path (where, "family");
      GapDocCertificate *certificate;
      JsonObject *object;
      const char *family;

      if (!expect_object (json_array_get_element (array, i), where, &object, error) ||
          !check_members (object, where, allowed, required, error) ||
          !expect_string (json_object_get_member (object, "family"), family_path, &family, error))
        return FALSE;

      if (gap_catalog_lookup_cert_family (doc->catalog, family) == NULL &&
          doc_lookup_custom (doc, family) == NULL)
        return fail_at (error, family_path,
                        _("unknown certificate family or custom provider “%s”"), family);
      if (g_hash_table_contains (seen, family))
        return fail_at (error, family_path, _("“%s” appears twice"), family);

      certificate = g_new0 (GapDocCertificate, 1);
      certificate->family = g_strdup (family);
      g_ptr_array_add (doc->certificates, certificate);
      g_hash_table_add (seen, certificate->family);

      for (guint field = 0; field < GAP_DOC_N_CERTIFICATE_FIELDS; field++)
        {
          gboolean ok = is_date_certificate_field (field)
                        ? read_date (object, where, certificate_members[field],
                                     &certificate->fields[field], error)
                        : read_text (object, where, certificate_members[field],
                                     &certificate->fields[field], error);
          if (!ok)
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_assessment_services (GapDoc            *doc,
                          JsonNode       *node,
                          const char     *path,
                          GapDocAssessment  *assessment,
                          GError        **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!expect_array (node, path, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path (path, i);
      const char *id;

      if (!expect_string (json_array_get_element (array, i), where, &id, error))
        return FALSE;
      if (gap_catalog_lookup_service (doc->catalog, id) == NULL &&
          doc_lookup_custom (doc, id) == NULL)
        return fail_at (error, where, _("unknown service “%s”"), id);
      if (!g_hash_table_add (seen, (gpointer) id))
        return fail_at (error, where, _("“%s” appears twice"), id);

      g_strv_builder_add (builder, id);
    }

  g_strfreev (assessment->services);
  assessment->services = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_assessment (GapDoc         *doc,
                 JsonNode    *node,
                 const char  *where,
                 GHashTable  *seen,
                 GError     **error)
{
  static const char * const allowed[] = {
    "control", "applicability", "justification", "reasons", "responsibility", "services",
    "status", "owner", "due_date", "priority", "evidence", "notes", "needs_review", NULL
  };
  static const char * const required[] = { "control", NULL };
  g_autofree char *control_path = member_path (where, "control");
  GapDocAssessment *assessment;
  JsonObject *object;
  const char *control_id;
  gboolean is_clause;

#define MEMBER(name) (json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL)
#define PATH(name) g_autofree char *name##_path = member_path (where, #name)

  if (!expect_object (node, where, &object, error) ||
      !check_members (object, where, allowed, required, error) ||
      !expect_string (MEMBER ("control"), control_path, &control_id, error))
    return FALSE;

  assessment = _gap_doc_assessment_new (gap_catalog_lookup_control (doc->catalog, doc->edition,
                                                                   control_id));
  g_ptr_array_add (doc->assessments, assessment);
  if (assessment->control == NULL)
    return fail_at (error, control_path, _("unknown control “%s” in ISO/IEC 27001:%s"),
                    control_id, gap_edition_to_string (doc->edition));
  if (!g_hash_table_add (seen, (gpointer) gap_control_get_id (assessment->control)))
    return fail_at (error, control_path, _("“%s” appears twice"), control_id);
  is_clause = gap_control_get_kind (assessment->control) == GAP_CONTROL_KIND_CLAUSE;

  {
    PATH (applicability);
    PATH (responsibility);
    PATH (status);
    PATH (priority);
    PATH (reasons);
    PATH (services);
    PATH (needs_review);
    int value = 0;
    guint flags;

    if (MEMBER ("applicability") != NULL)
      {
        if (!expect_enum (MEMBER ("applicability"), applicability_path,
                          gap_applicability_from, &value, error))
          return FALSE;
        assessment->applicability = value;
        if (is_clause && value != GAP_APPLICABILITY_APPLICABLE)
          return fail_at (error, applicability_path,
                          _("a clause requirement is always applicable"));
      }

    if (MEMBER ("responsibility") != NULL)
      {
        if (!expect_enum (MEMBER ("responsibility"), responsibility_path,
                          gap_responsibility_from, &value, error))
          return FALSE;
        assessment->responsibility = value;
        if (is_clause && value != GAP_RESPONSIBILITY_ORGANIZATION)
          return fail_at (error, responsibility_path,
                          _("a clause requirement is always the organization’s own"));
      }

    if (MEMBER ("status") != NULL)
      {
        if (!expect_enum (MEMBER ("status"), status_path,
                          gap_status_from, &value, error))
          return FALSE;
        assessment->status = value;
      }

    if (MEMBER ("priority") != NULL)
      {
        if (!expect_enum (MEMBER ("priority"), priority_path,
                          gap_priority_from, &value, error))
          return FALSE;
        assessment->priority = value;
      }

    if (MEMBER ("reasons") != NULL)
      {
        if (!expect_flags (MEMBER ("reasons"), reasons_path,
                           gap_reason_from, &flags, error))
          return FALSE;
        assessment->reasons = flags;
      }

    if (MEMBER ("services") != NULL &&
        !read_assessment_services (doc, MEMBER ("services"), services_path, assessment, error))
      return FALSE;
    if (is_clause && assessment->services[0] != NULL)
      return fail_at (error, services_path,
                      _("a clause requirement is the organization’s own: no service provides it"));

    if (MEMBER ("needs_review") != NULL &&
        !expect_boolean (MEMBER ("needs_review"), needs_review_path,
                         &assessment->needs_review, error))
      return FALSE;
  }

#undef MEMBER
#undef PATH

  return read_text (object, where, "justification", &assessment->justification, error) &&
         read_text (object, where, "owner", &assessment->owner, error) &&
         read_date (object, where, "due_date", &assessment->due_date, error) &&
         read_text (object, where, "evidence", &assessment->evidence, error) &&
         read_text (object, where, "notes", &assessment->notes, error);
}

static gboolean
read_assessments (GapDoc       *doc,
                  JsonNode  *node,
                  GError   **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!expect_array (node, "assessments", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = element_path ("assessments", i);

      if (!read_assessment (doc, json_array_get_element (array, i), where, seen, error))
        return FALSE;
    }

  return TRUE;
}

/* Before json-glib sees the bytes. */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *end;
  guint line;
  gsize column;

  if (length > GAP_JSON_MAX_DOCUMENT_BYTES)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("The document is larger than 64 MiB"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Not valid UTF-8 text (byte %lu)"), (unsigned long) (end - data));
      return FALSE;
    }

  if (_gap_json_too_deep (data, length, MAX_DEPTH, &line, &column))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Nested deeper than %u levels (line %u, column %lu)"),
                   (guint) MAX_DEPTH, line, (unsigned long) column);
      return FALSE;
    }

  return TRUE;
}

static GapDoc *
read_document (GapCatalog  *catalog,
               GBytes      *json,
               GError     **error)
{
  static const char * const allowed[] = {
    "format", "version", "edition", "uuid", "scope", "services", "custom_providers",
    "certificates", "assessments", NULL
  };
  /* Version 1 had no "uuid": there it is an unknown member, as then. */
  static const char * const allowed_1[] = {
    "format", "version", "edition", "scope", "services", "custom_providers", "certificates",
    "assessments", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GapDoc) doc = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *data;
  const char *format;
  gsize length;
  int edition = GAP_EDITION_2022;

  data = g_bytes_get_data (json, &length);
  if (data == NULL || length == 0)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("The document is empty"));
      return NULL;
    }

  if (!check_bytes (data, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("The document is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Not an ISMS Gap workspace: the document is %s, not an object"),
                   node_type_label (node));
      return NULL;
    }
  root = json_node_get_object (node);

  /* Format and version first: a newer version may have members this one
   * does not know, and that is the message the user needs. */
  if (!json_object_has_member (root, "format") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "format")) ||
      json_node_get_value_type (json_object_get_member (root, "format")) != G_TYPE_STRING ||
      strcmp ((format = json_object_get_string_member (root, "format")), FORMAT_NAME) != 0)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("format: not an ISMS Gap workspace (expected “%s”)"), FORMAT_NAME);
      return NULL;
    }

  node = json_object_has_member (root, "version") ? json_object_get_member (root, "version") : NULL;
  if (node == NULL)
    {
      fail_at (error, "version", _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      fail_at (error, "version", _("expected a whole number, found %s"), node_type_label (node));
      return NULL;
    }
  if (json_node_get_int (node) > FORMAT_VERSION)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_TOO_NEW,
                   _("version: %lld is newer than this program reads (%d); update ISMS Gap"),
                   (long long) json_node_get_int (node), FORMAT_VERSION);
      return NULL;
    }
  if (json_node_get_int (node) < 1)
    {
      fail_at (error, "version", _("unknown value “%lld”"), (long long) json_node_get_int (node));
      return NULL;
    }

  if (!check_members (root, "", json_node_get_int (node) == 1 ? allowed_1 : allowed,
                      (const char * const []) { "edition", NULL }, error))
    return NULL;

  if (!expect_enum (json_object_get_member (root, "edition"), "edition",
                    gap_edition_from, &edition, error))
    return NULL;

  doc = _gap_doc_new (catalog);
  doc->edition = edition;

  if (json_object_has_member (root, "uuid"))
    {
      const char *uuid;

      if (!expect_string (json_object_get_member (root, "uuid"), "uuid", &uuid, error))
        return NULL;
      if (!g_uuid_string_is_valid (uuid))
        {
          fail_at (error, "uuid", _("not a UUID: “%s”"), uuid);
          return NULL;
        }
      doc->uuid = g_ascii_strdown (uuid, -1);
    }

#define SECTION(name, reader) \
  if (json_object_has_member (root, name) && \
      !reader (doc, json_object_get_member (root, name), error)) \
    return NULL;

  SECTION ("scope", read_scope);
  SECTION ("services", read_services);
  SECTION ("custom_providers", read_custom_providers);
  SECTION ("certificates", read_certificates);
  SECTION ("assessments", read_assessments);

#undef SECTION

  return g_steal_pointer (&doc);
}

/* Moves every date of the document by @days (the demo's dates follow the
 * day it is created; see docs/json-format.md). */
static void
shift_date (char **date,
            int    days)
{
  GDate parsed;

  if (*date == NULL || !_gap_date_parse (*date, &parsed))
    return;

  if (days > 0)
    g_date_add_days (&parsed, days);
  else
    g_date_subtract_days (&parsed, -days);

  g_free (*date);
  *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&parsed),
                           g_date_get_month (&parsed), g_date_get_day (&parsed));
}

static void
doc_shift_dates (GapDoc *doc,
                 int  days)
{
  shift_date (&doc->scope[GAP_SCOPE_FIELD_ASSESSMENT_DATE], days);

  for (guint i = 0; i < doc->certificates->len; i++)
    {
      GapDocCertificate *certificate = g_ptr_array_index (doc->certificates, i);

      shift_date (&certificate->fields[GAP_CERTIFICATE_FIELD_LAST_AUDIT], days);
      shift_date (&certificate->fields[GAP_CERTIFICATE_FIELD_EXPIRY], days);
    }

  for (guint i = 0; i < doc->assessments->len; i++)
    {
      GapDocAssessment *assessment = g_ptr_array_index (doc->assessments, i);

      shift_date (&assessment->due_date, days);
    }
}

/* ------------------------------------------------------------------ */
/* Building the workspace from a validated document                    */
/* ------------------------------------------------------------------ */

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (nonnull (a), nonnull (b)) == 0;
}

static gboolean
set_text (GapWorkspace        *workspace,
          GapAssessment       *assessment,
          GapAssessmentField   field,
          const char          *current,
          const char          *value,
          GError             **error)
{
  if (same_text (current, value))
    return TRUE;

  return gap_workspace_set_assessment_string (workspace, assessment, field, value, error);
}

static gboolean
set_enum (GapWorkspace        *workspace,
          GapAssessment       *assessment,
          GapAssessmentField   field,
          int                  current,
          int                  value,
          GError             **error)
{
  if (current == value)
    return TRUE;

  return gap_workspace_set_assessment_enum (workspace, assessment, field, value, error);
}

static gboolean
apply_assessment (GapWorkspace   *workspace,
                  GapDocAssessment  *doc_assessment,
                  GHashTable     *custom_ids,
                  GError        **error)
{
  GapAssessment *a = gap_workspace_lookup_assessment (workspace,
                                                      gap_control_get_id (doc_assessment->control));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) services = NULL;

  if (a == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_UNKNOWN_CONTROL,
                   _("The workspace has no control “%s”"),
                   gap_control_get_id (doc_assessment->control));
      return FALSE;
    }

  for (guint i = 0; doc_assessment->services[i] != NULL; i++)
    {
      const char *id = g_hash_table_lookup (custom_ids, doc_assessment->services[i]);
      g_strv_builder_add (builder, id != NULL ? id : doc_assessment->services[i]);
    }
  services = g_strv_builder_end (builder);

  /* Responsibility before services: a workspace may accept services only
   * for a control that is not the organization's alone. */
  if (!set_enum (workspace, a, GAP_FIELD_APPLICABILITY, gap_assessment_get_applicability (a),
                 doc_assessment->applicability, error) ||
      !set_text (workspace, a, GAP_FIELD_JUSTIFICATION, gap_assessment_get_justification (a),
                 doc_assessment->justification, error) ||
      !set_enum (workspace, a, GAP_FIELD_REASONS, gap_assessment_get_reasons (a),
                 doc_assessment->reasons, error) ||
      !set_enum (workspace, a, GAP_FIELD_RESPONSIBILITY, gap_assessment_get_responsibility (a),
                 doc_assessment->responsibility, error))
    return FALSE;

  if (!g_strv_equal ((const char * const *) services, gap_assessment_get_services (a)) &&
      !gap_workspace_set_assessment_services (workspace, a, (const char * const *) services, error))
    return FALSE;

  return set_enum (workspace, a, GAP_FIELD_STATUS, gap_assessment_get_status (a),
                   doc_assessment->status, error) &&
         set_text (workspace, a, GAP_FIELD_OWNER, gap_assessment_get_owner (a),
                   doc_assessment->owner, error) &&
         set_text (workspace, a, GAP_FIELD_DUE_DATE, gap_assessment_get_due_date (a),
                   doc_assessment->due_date, error) &&
         set_enum (workspace, a, GAP_FIELD_PRIORITY, gap_assessment_get_priority (a),
                   doc_assessment->priority, error) &&
         set_text (workspace, a, GAP_FIELD_EVIDENCE, gap_assessment_get_evidence (a),
                   doc_assessment->evidence, error) &&
         set_text (workspace, a, GAP_FIELD_NOTES, gap_assessment_get_notes (a),
                   doc_assessment->notes, error) &&
         set_enum (workspace, a, GAP_FIELD_NEEDS_REVIEW, gap_assessment_get_needs_review (a),
                   doc_assessment->needs_review, error);
}

static gboolean
apply_document (GapWorkspace  *workspace,
                gpointer       user_data,
                GError       **error)
{
  GapDoc *doc = user_data;
  g_autoptr(GHashTable) custom_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) custom_certificates = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                     NULL, g_free);
  GListModel *services;
  guint n;

  /* Lossless: the document's identity, else the new file's own. */
  if (doc->uuid != NULL && !_gap_workspace_set_uuid (workspace, doc->uuid, error))
    return FALSE;

  for (guint field = 0; field < GAP_DOC_N_SCOPE_FIELDS; field++)
    if (!same_text (gap_workspace_get_scope_field (workspace, field), doc->scope[field]) &&
        !gap_workspace_set_scope_field (workspace, field, doc->scope[field], error))
      return FALSE;

  for (guint i = 0; i < doc->scope_items->len; i++)
    {
      GapDocScopeItem *item = g_ptr_array_index (doc->scope_items, i);

      if (gap_workspace_add_scope_item (workspace, item->kind, item->name,
                                        nonnull (item->detail), error) == NULL)
        return FALSE;
    }

  services = gap_workspace_get_services (workspace);
  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      gboolean in_use;

      if (gap_service_record_get_is_custom (record))
        continue;
      in_use = GPOINTER_TO_INT (g_hash_table_lookup (doc->in_use,
                                                     gap_service_record_get_id (record)));
      if (in_use != gap_service_record_get_in_use (record) &&
          !gap_workspace_set_service_in_use (workspace, record, in_use, error))
        return FALSE;
    }

  for (guint i = 0; i < doc->customs->len; i++)
    {
      GapDocCustom *custom = g_ptr_array_index (doc->customs, i);
      GapServiceRecord *record;
      const char * const *family_ids;

      record = gap_workspace_add_custom_provider (workspace, custom->name, custom->models, error);
      if (record == NULL)
        return FALSE;
      if (gap_service_record_get_in_use (record) != custom->in_use &&
          !gap_workspace_set_service_in_use (workspace, record, custom->in_use, error))
        return FALSE;

      g_hash_table_insert (custom_ids, custom->id, g_strdup (gap_service_record_get_id (record)));
      family_ids = gap_service_record_get_family_ids (record);
      if (family_ids != NULL && family_ids[0] != NULL)
        g_hash_table_insert (custom_certificates, custom->id, g_strdup (family_ids[0]));
    }

  for (guint i = 0; i < doc->certificates->len; i++)
    {
      GapDocCertificate *doc_certificate = g_ptr_array_index (doc->certificates, i);
      const char *family = g_hash_table_lookup (custom_certificates, doc_certificate->family);
      GapCertificate *certificate;

      if (family == NULL)
        family = doc_certificate->family;
      certificate = gap_workspace_lookup_certificate (workspace, family);
      if (certificate == NULL)
        {
          g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                       _("The workspace has no certificate “%s”"), doc_certificate->family);
          return FALSE;
        }

      for (guint field = 0; field < GAP_DOC_N_CERTIFICATE_FIELDS; field++)
        if (!same_text (gap_certificate_get_field (certificate, field),
                        doc_certificate->fields[field]) &&
            !gap_workspace_set_certificate_field (workspace, certificate, field,
                                                  doc_certificate->fields[field], error))
          return FALSE;
    }

  for (guint i = 0; i < doc->assessments->len; i++)
    if (!apply_assessment (workspace, g_ptr_array_index (doc->assessments, i), custom_ids, error))
      return FALSE;

  return TRUE;
}

GapWorkspace *
_gap_doc_create_workspace (GapDoc  *doc,
                           GFile   *dest,
                           GError **error)
{
  return _gap_workspace_create_staged (dest, doc->edition,
                                       doc->scope[GAP_SCOPE_FIELD_ORGANIZATION],
                                       apply_document, doc, error);
}

gboolean
_gap_json_validate (GBytes  *json,
                    GError **error)
{
  GapCatalog *catalog;
  g_autoptr(GapDoc) doc = NULL;

  g_return_val_if_fail (json != NULL, FALSE);

  catalog = gap_catalog_get_default (error);
  if (catalog == NULL)
    return FALSE;

  doc = read_document (catalog, json, error);
  return doc != NULL;
}

GapWorkspace *
gap_workspace_import_json (GBytes  *json,
                           GFile   *dest,
                           GError **error)
{
  GapCatalog *catalog;
  g_autoptr(GapDoc) doc = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  catalog = gap_catalog_get_default (error);
  if (catalog == NULL)
    return NULL;

  doc = read_document (catalog, json, error);
  if (doc == NULL)
    return NULL;

  return _gap_doc_create_workspace (doc, dest, error);
}

GapWorkspace *
_gap_workspace_create_demo_for (GFile        *dest,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GapDoc) doc = NULL;
  GapCatalog *catalog;
  GDate reference;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  catalog = gap_catalog_get_default (error);
  if (catalog == NULL)
    return NULL;

  json = g_resource_lookup_data (gap_core_get_resource (), RESOURCE_BASE "/demo/demo.json",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (json == NULL)
    return NULL;

  doc = read_document (catalog, json, error);
  if (doc == NULL)
    return NULL;

  /* The demo's dates are written relative to its assessment date; moving
   * them all to today keeps every certificate current, unverified or
   * stale exactly as written, whenever the demo is made. */
  if (!_gap_date_parse (doc->scope[GAP_SCOPE_FIELD_ASSESSMENT_DATE], &reference))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_CATALOG_INVALID,
                   _("The demo workspace has no assessment date"));
      return NULL;
    }
  doc_shift_dates (doc, g_date_days_between (&reference, today));

  return _gap_doc_create_workspace (doc, dest, error);
}

GapWorkspace *
gap_workspace_create_demo (GFile   *dest,
                           GError **error)
{
  GDate today;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  return _gap_workspace_create_demo_for (dest, &today, error);
}
