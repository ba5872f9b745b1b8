/* gap-workspace.c — one assessment: scope, services, answers; kept in SQLite
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change follows one path: validate, write it and its change-log row
 * in one transaction (a savepoint, so it nests inside a batch), and only
 * when that committed update the object (which notifies), push an undo
 * entry and emit the workspace signal. A failed write leaves the object as
 * it was, so memory and file never disagree.
 *
 * Ownership: the list models, looked-up objects and the items returned by
 * gap_workspace_add_scope_item() and gap_workspace_add_custom_provider()
 * belong to the workspace (transfer none).
 *
 * Removing a custom provider removes its ID from the services of every
 * assessment in the same transaction (one change-log row per assessment),
 * together with its certificate record; undo entries that refer to it are
 * dropped.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gap-error.h"
#include "gap-store-private.h"
#include "gap-text-private.h"
#include "gap-workspace-private.h"

#define GAP_N_SCOPE_FIELDS 4
#define GAP_N_CERTIFICATE_FIELDS 5
#define UNDO_DEPTH 100
/* Larger texts are refused: nobody types a megabyte into a notes field. */
#define MAX_TEXT_BYTES (1024 * 1024)

typedef enum
{
  UNDO_ASSESSMENT,
  UNDO_ASSESSMENT_GROUP,  /* several fields of one assessment, written together */
  UNDO_SCOPE_FIELD,
  UNDO_SCOPE_ITEM,          /* name and detail of an item */
  UNDO_SCOPE_ITEM_ADDED,    /* undone by removing the item */
  UNDO_SCOPE_ITEM_REMOVED,  /* undone by putting it back where it was */
  UNDO_SCOPE_ITEM_MOVED,    /* undone by moving it back */
  UNDO_SERVICE_IN_USE,
  UNDO_CERTIFICATE,
} UndoKind;

/* The value a change replaced. */
typedef struct
{
  UndoKind   kind;
  char      *target;     /* control, service or certificate family ID */
  gint64     item_id;    /* scope item */
  guint      field;
  int        int_value;  /* an enum field; a scope item's kind */
  guint      position;   /* a scope item's position before a move or removal */
  char      *str_value;  /* a string field; a scope item's name */
  char      *str_value2; /* a scope item's detail */
  char     **strv_value; /* services */
  GPtrArray *children;   /* a group's UNDO_ASSESSMENT entries, in the order written */
} UndoEntry;

struct _GapWorkspace
{
  GObject      parent_instance;

  GFile       *file;
  char        *display;     /* the file, for messages */
  GapStore    *store;       /* NULL once closed */
  GapCatalog  *catalog;
  GapEdition   edition;
  char        *uuid;        /* meta "uuid": the workspace's identity */
  gboolean     read_only;

  char        *scope[GAP_N_SCOPE_FIELDS];
  GListStore  *scope_items[GAP_N_SCOPE_KINDS];
  GListStore  *services;
  GHashTable  *services_by_id;
  GListStore  *certificates;
  GHashTable  *certificates_by_id;
  GListStore  *assessments;
  GHashTable  *assessments_by_id;
  guint64      next_custom;

  GQueue       undo;        /* of UndoEntry, newest first */
  gboolean     undoing;
  guint        batch_depth;
  GError      *batch_error; /* set when a failure rolled the whole batch back */
};

G_DEFINE_FINAL_TYPE (GapWorkspace, gap_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_EDITION,
  PROP_CATALOG,
  PROP_UUID,
  PROP_CAN_UNDO,
  /* in GapScopeField order */
  PROP_ORGANIZATION,
  PROP_SCOPE_STATEMENT,
  PROP_ASSESSOR,
  PROP_ASSESSMENT_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ASSESSMENT_CHANGED,
  SERVICES_CHANGED,
  SCOPE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys in the scope table, in GapScopeField order. */
static const char * const scope_keys[GAP_N_SCOPE_FIELDS] = {
  "organization", "statement", "assessor", "assessment-date",
};

static const char * const scope_labels[GAP_N_SCOPE_FIELDS] = {
  N_("Organization name"), N_("Scope statement"), N_("Assessor"), N_("Assessment date"),
};

static const char * const certificate_keys[GAP_N_CERTIFICATE_FIELDS] = {
  "reference", "issuer", "last-audit", "expiry", "notes",
};

static const char * const certificate_labels[GAP_N_CERTIFICATE_FIELDS] = {
  N_("Reference"), N_("Issuer"), N_("Last audit"), N_("Expiry"), N_("Notes"),
};

static gboolean reload (GapWorkspace *self, GError **error);
static void workspace_close (GapWorkspace *self, gboolean resync);

/* ---- small helpers ---- */

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
file_display (GapWorkspace *self)
{
  return self->display != NULL ? self->display : "";
}

static char *
describe_assessment_field (GapAssessment      *assessment,
                           GapAssessmentField  field)
{
  /* TRANSLATORS: "Status of 5.1": a field of a control */
  return g_strdup_printf (_("%s of %s"), gap_assessment_field_get_label (field),
                          gap_assessment_get_control_id (assessment));
}

static char *
describe_scope_field (GapScopeField field)
{
  return g_strdup_printf (_("%s of the scope"), g_dgettext (GETTEXT_PACKAGE, scope_labels[field]));
}

static char *
describe_certificate_field (GapCertificate      *certificate,
                            GapCertificateField  field)
{
  /* TRANSLATORS: "Last audit of certificate Microsoft Azure" */
  return g_strdup_printf (_("%s of certificate %s"),
                          g_dgettext (GETTEXT_PACKAGE, certificate_labels[field]),
                          gap_certificate_get_title (certificate, NULL));
}

/* Text must be UTF-8 and of a sane size; @what names the field. */
static gboolean
validate_text (const char  *what,
               const char  *value,
               GError     **error)
{
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s: the text is not valid UTF-8."), what);
      return FALSE;
    }
  if (strlen (value) > MAX_TEXT_BYTES)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s: the text is too long (more than %d bytes)."), what, MAX_TEXT_BYTES);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_date (const char  *what,
               const char  *value,
               GError     **error)
{
  g_autofree char *shown = NULL;

  if (*value == '\0' || _gap_date_parse (value, NULL))
    return TRUE;
  shown = g_utf8_make_valid (value, -1);
  g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
               _("%s: “%s” is not a valid date (YYYY-MM-DD)."), what, shown);
  return FALSE;
}

/* A name of only white space, Unicode's included, is none: the import
 * tests names the same way. @loading a file, only ASCII white space counts,
 * as it did before: a name an older version saved still opens. */
static gboolean
validate_name (const char  *what,
               const char  *value,
               gboolean     loading,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  gboolean blank;

  if (!validate_text (what, value, error))
    return FALSE;
  if (loading)
    blank = *(stripped = g_strstrip (g_strdup (value))) == '\0';
  else
    blank = _gap_text_is_blank (value);
  if (blank)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("%s: a name is required."), what);
      return FALSE;
    }
  return TRUE;
}

static char *
reasons_to_string (guint reasons)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < GAP_N_REASONS; i++)
    if (reasons & (1u << i))
      {
        if (str->len > 0)
          g_string_append_c (str, ',');
        g_string_append (str, gap_reason_to_string (1u << i));
      }
  return g_string_free (str, FALSE);
}

static char *
models_to_string (GapServiceModelFlags models)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    if (models & (1u << i))
      {
        if (str->len > 0)
          g_string_append_c (str, ',');
        g_string_append (str, gap_service_model_to_string (1u << i));
      }
  return g_string_free (str, FALSE);
}

/* The stored (and logged) form of an enum field. */
static const char *
enum_to_string (GapAssessmentField field,
                int                value)
{
  switch (field)
    {
    case GAP_FIELD_APPLICABILITY: return gap_applicability_to_string (value);
    case GAP_FIELD_RESPONSIBILITY: return gap_responsibility_to_string (value);
    case GAP_FIELD_STATUS: return gap_status_to_string (value);
    case GAP_FIELD_PRIORITY: return gap_priority_to_string (value);
    default: return NULL;
    }
}

static gboolean
enum_from_string (GapAssessmentField  field,
                  const char         *str,
                  int                *out)
{
  switch (field)
    {
    case GAP_FIELD_APPLICABILITY: return gap_applicability_from_string (str, (GapApplicability *) out);
    case GAP_FIELD_RESPONSIBILITY: return gap_responsibility_from_string (str, (GapResponsibility *) out);
    case GAP_FIELD_STATUS: return gap_status_from_string (str, (GapStatus *) out);
    case GAP_FIELD_PRIORITY: return gap_priority_from_string (str, (GapPriority *) out);
    default: return FALSE;
    }
}

static int
enum_max (GapAssessmentField field)
{
  switch (field)
    {
    case GAP_FIELD_APPLICABILITY: return GAP_APPLICABILITY_NOT_APPLICABLE;
    case GAP_FIELD_REASONS: return (1 << GAP_N_REASONS) - 1;
    case GAP_FIELD_RESPONSIBILITY: return GAP_RESPONSIBILITY_INHERITED;
    case GAP_FIELD_STATUS: return GAP_STATUS_ALTERNATIVE;
    case GAP_FIELD_PRIORITY: return GAP_PRIORITY_CRITICAL;
    case GAP_FIELD_NEEDS_REVIEW: return 1;
    default: return -1;
    }
}

/* How a value of an assessment field is written in the change log. */
static char *
assessment_value_to_string (GapAssessmentField  field,
                            int                 int_value,
                            const char         *str_value,
                            const char * const *strv_value)
{
  if (field == GAP_FIELD_SERVICES)
    return g_strjoinv (",", (char **) strv_value);
  if (_gap_assessment_field_is_string (field))
    return g_strdup (str_value);
  if (field == GAP_FIELD_REASONS)
    return reasons_to_string (int_value);
  if (field == GAP_FIELD_NEEDS_REVIEW)
    return g_strdup (int_value ? "true" : "false");
  return g_strdup (enum_to_string (field, int_value));
}

/* ---- undo ---- */

static void
undo_entry_free (UndoEntry *entry)
{
  g_free (entry->target);
  g_free (entry->str_value);
  g_free (entry->str_value2);
  g_strfreev (entry->strv_value);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry);
}

static void
push_undo (GapWorkspace *self,
           UndoEntry    *entry)
{
  gboolean could_undo = self->undo.length > 0;

  /* Undo restores through the same path; it must not stack itself, and a
   * batch (import, migration) is not a user's field change. */
  if (self->undoing || self->batch_depth > 0)
    {
      undo_entry_free (entry);
      return;
    }

  g_queue_push_head (&self->undo, entry);
  while (self->undo.length > UNDO_DEPTH)
    undo_entry_free (g_queue_pop_tail (&self->undo));

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static UndoEntry *
undo_entry_new (UndoKind    kind,
                const char *target,
                guint       field)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);

  entry->kind = kind;
  entry->target = g_strdup (target);
  entry->field = field;
  return entry;
}

static gboolean
entry_names_service (UndoEntry  *entry,
                     const char *service_id)
{
  if (entry->kind == UNDO_ASSESSMENT_GROUP)
    {
      for (guint i = 0; i < entry->children->len; i++)
        if (entry_names_service (g_ptr_array_index (entry->children, i), service_id))
          return TRUE;
      return FALSE;
    }

  return ((entry->kind == UNDO_SERVICE_IN_USE || entry->kind == UNDO_CERTIFICATE) &&
          g_strcmp0 (entry->target, service_id) == 0) ||
         (entry->kind == UNDO_ASSESSMENT && entry->strv_value != NULL &&
          g_strv_contains ((const char * const *) entry->strv_value, service_id));
}

/* Drops entries about a removed custom provider. A removed scope item keeps
 * its entries: undoing the removal brings it back under the same ID. */
static void
purge_undo (GapWorkspace *self,
            const char   *service_id)
{
  gboolean could_undo = self->undo.length > 0;
  GList *l = self->undo.head;

  while (l != NULL)
    {
      GList *next = l->next;
      UndoEntry *entry = l->data;

      if (entry_names_service (entry, service_id))
        {
          undo_entry_free (entry);
          g_queue_delete_link (&self->undo, l);
        }
      l = next;
    }

  if (could_undo && self->undo.length == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* ---- transactions ---- */

static gboolean
check_writable (GapWorkspace  *self,
                GError       **error)
{
  if (self->store == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("The workspace “%s” is closed."), file_display (self));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                   _("“%s” is open read-only: changes cannot be saved."), file_display (self));
      return FALSE;
    }
  if (self->batch_error != NULL)
    {
      g_set_error (error, GAP_ERROR, self->batch_error->code,
                   _("The changes since this series began were undone: %s"),
                   self->batch_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
edit_begin (GapWorkspace  *self,
            GError       **error)
{
  return check_writable (self, error) && _gap_store_savepoint (self->store, "gap_edit", error);
}

/* After a failed write inside a batch: SQLITE_FULL or an I/O error may
 * have rolled back the whole transaction, batch and all. */
static void
edit_failed (GapWorkspace *self,
             const GError *error)
{
  if (self->batch_depth > 0 && !_gap_store_in_transaction (self->store) &&
      self->batch_error == NULL)
    {
      /* The caller may not have asked for the error: keep one anyway. */
      if (error != NULL)
        self->batch_error = g_error_copy (error);
      else
        self->batch_error = g_error_new (GAP_ERROR, GAP_ERROR_IO, _("Could not save “%s”."),
                                         file_display (self));
      reload (self, NULL);
    }
}

static gboolean
edit_commit (GapWorkspace  *self,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_gap_store_release (self->store, "gap_edit", &local_error))
    return TRUE;
  edit_failed (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
edit_abort (GapWorkspace  *self,
            GError       **error)
{
  _gap_store_rollback (self->store, "gap_edit");
  edit_failed (self, error != NULL ? *error : NULL);
  return FALSE;
}

static gboolean
log_change (GapWorkspace  *self,
            const char    *time,
            const char    *item,
            const char    *field,
            const char    *old_value,
            const char    *new_value,
            GError       **error)
{
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_LOG, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, old_value != NULL ? old_value : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, new_value != NULL ? new_value : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, g_get_user_name (), -1, SQLITE_TRANSIENT);
  return _gap_store_run (self->store, stmt, error);
}

/* ---- GObject ---- */

static void
gap_workspace_dispose (GObject *object)
{
  GapWorkspace *self = (GapWorkspace *) object;

  workspace_close (self, FALSE);

  for (guint i = 0; i < GAP_N_SCOPE_KINDS; i++)
    g_clear_object (&self->scope_items[i]);
  g_clear_object (&self->services);
  g_clear_object (&self->certificates);
  g_clear_object (&self->assessments);
  g_clear_pointer (&self->services_by_id, g_hash_table_unref);
  g_clear_pointer (&self->certificates_by_id, g_hash_table_unref);
  g_clear_pointer (&self->assessments_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (gap_workspace_parent_class)->dispose (object);
}

static void
gap_workspace_finalize (GObject *object)
{
  GapWorkspace *self = (GapWorkspace *) object;

  g_clear_object (&self->file);
  g_free (self->display);
  g_free (self->uuid);
  g_clear_object (&self->catalog);
  for (guint i = 0; i < GAP_N_SCOPE_FIELDS; i++)
    g_free (self->scope[i]);
  g_queue_clear_full (&self->undo, (GDestroyNotify) undo_entry_free);
  g_clear_error (&self->batch_error);

  G_OBJECT_CLASS (gap_workspace_parent_class)->finalize (object);
}

static void
gap_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GapWorkspace *self = GAP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_EDITION:
      g_value_set_int (value, self->edition);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gap_workspace_get_can_undo (self));
      break;
    case PROP_ORGANIZATION:
    case PROP_SCOPE_STATEMENT:
    case PROP_ASSESSOR:
    case PROP_ASSESSMENT_DATE:
      g_value_set_string (value, self->scope[prop_id - PROP_ORGANIZATION]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_workspace_class_init (GapWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gap_workspace_dispose;
  object_class->finalize = gap_workspace_finalize;
  object_class->get_property = gap_workspace_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_EDITION] =
    g_param_spec_int ("edition", NULL, NULL, GAP_EDITION_2013, GAP_EDITION_2022,
                      GAP_EDITION_2022, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, GAP_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Changes only when an import gives the new workspace its document's. */
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, "", flags);
  properties[PROP_SCOPE_STATEMENT] =
    g_param_spec_string ("scope-statement", NULL, NULL, "", flags);
  properties[PROP_ASSESSOR] = g_param_spec_string ("assessor", NULL, NULL, "", flags);
  properties[PROP_ASSESSMENT_DATE] =
    g_param_spec_string ("assessment-date", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GapWorkspace::assessment-changed:
   * @assessment: the GapAssessment that changed
   * @field: the GapAssessmentField, as guint
   *
   * Emitted after a field of an assessment was saved and the object
   * updated (by an edit, an undo, a batch, or the removal of a custom
   * provider it listed). G_SIGNAL_RUN_LAST.
   */
  signals[ASSESSMENT_CHANGED] =
    g_signal_new ("assessment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GAP_TYPE_ASSESSMENT, G_TYPE_UINT);

  /**
   * GapWorkspace::services-changed:
   *
   * Emitted after a service was switched in or out of use, a custom
   * provider was added, changed or removed, or a certificate field
   * changed: whatever the analysis reads of services. G_SIGNAL_RUN_LAST.
   */
  signals[SERVICES_CHANGED] =
    g_signal_new ("services-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GapWorkspace::scope-changed:
   *
   * Emitted after a scope field changed or a scope item was added,
   * edited, removed or moved. G_SIGNAL_RUN_LAST.
   */
  signals[SCOPE_CHANGED] =
    g_signal_new ("scope-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gap_workspace_init (GapWorkspace *self)
{
  for (guint i = 0; i < GAP_N_SCOPE_FIELDS; i++)
    self->scope[i] = g_strdup ("");
  for (guint i = 0; i < GAP_N_SCOPE_KINDS; i++)
    self->scope_items[i] = g_list_store_new (GAP_TYPE_SCOPE_ITEM);
  self->services = g_list_store_new (GAP_TYPE_SERVICE_RECORD);
  self->certificates = g_list_store_new (GAP_TYPE_CERTIFICATE);
  self->assessments = g_list_store_new (GAP_TYPE_ASSESSMENT);
  self->services_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->certificates_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    g_object_unref);
  self->assessments_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   g_object_unref);
  self->next_custom = 1;
  g_queue_init (&self->undo);
}

/* ---- loading ---- */

static void
add_certificate (GapWorkspace   *self,
                 GapCertificate *certificate)
{
  g_hash_table_insert (self->certificates_by_id,
                       g_strdup (gap_certificate_get_family_id (certificate)),
                       g_object_ref (certificate));
  g_list_store_append (self->certificates, certificate);
}

static void
add_service (GapWorkspace     *self,
             GapServiceRecord *record)
{
  g_hash_table_insert (self->services_by_id, g_strdup (gap_service_record_get_id (record)),
                       g_object_ref (record));
  g_list_store_append (self->services, record);
}

/* Objects for everything the catalog has, with the defaults. */
static void
populate_from_catalog (GapWorkspace *self)
{
  GListModel *controls = gap_catalog_get_controls (self->catalog, self->edition);
  GListModel *services = gap_catalog_get_services (self->catalog);
  GListModel *families = gap_catalog_get_cert_families (self->catalog);
  guint n;

  n = g_list_model_get_n_items (controls);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autoptr(GapAssessment) assessment = _gap_assessment_new (control);

      g_hash_table_insert (self->assessments_by_id, g_strdup (gap_control_get_id (control)),
                           g_object_ref (assessment));
      g_list_store_append (self->assessments, assessment);
    }

  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      g_autoptr(GapServiceRecord) record = _gap_service_record_new (service);

      add_service (self, record);
    }

  n = g_list_model_get_n_items (families);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);
      g_autoptr(GapCertificate) certificate =
        _gap_certificate_new (gap_cert_family_get_id (family), family, NULL);

      add_certificate (self, certificate);
    }
}

static gboolean
ensure_rows_for (GapWorkspace       *self,
                 GapStoreStatement   id,
                 GListModel         *model,
                 const char       *(*get_id) (gpointer),
                 GError            **error)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      sqlite3_stmt *stmt = _gap_store_statement (self->store, id, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, get_id (object), -1, SQLITE_TRANSIENT);
      if (!_gap_store_run (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* One row for every catalog item: a new file gets them all, and a file
 * made before the catalog grew gets the new ones. */
static gboolean
ensure_rows (GapWorkspace  *self,
             GError       **error)
{
  for (guint i = 0; i < GAP_N_SCOPE_FIELDS; i++)
    {
      sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_ENSURE_SCOPE, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, scope_keys[i], -1, SQLITE_STATIC);
      if (!_gap_store_run (self->store, stmt, error))
        return FALSE;
    }

  return ensure_rows_for (self, GAP_STMT_ENSURE_SERVICE, G_LIST_MODEL (self->services),
                          (const char *(*) (gpointer)) gap_service_record_get_id, error) &&
         ensure_rows_for (self, GAP_STMT_ENSURE_CERTIFICATE, G_LIST_MODEL (self->certificates),
                          (const char *(*) (gpointer)) gap_certificate_get_family_id, error) &&
         ensure_rows_for (self, GAP_STMT_ENSURE_ASSESSMENT, G_LIST_MODEL (self->assessments),
                          (const char *(*) (gpointer)) gap_assessment_get_control_id, error);
}

static gboolean
corrupt (GapWorkspace  *self,
         GError       **error,
         const char    *what)
{
  g_set_error (error, GAP_ERROR, GAP_ERROR_CORRUPT, _("“%s” is damaged: %s"),
               file_display (self), what);
  return FALSE;
}

static gboolean validate_scope_item (GapScopeKind          kind,
                                     const char           *name,
                                     const char           *detail,
                                     gboolean              loading,
                                     GError              **error);
static gboolean validate_provider   (const char           *name,
                                     GapServiceModelFlags  models,
                                     gboolean              loading,
                                     GError              **error);
static gboolean is_clause           (GapAssessment        *assessment);

/* What the file holds must pass the checks a setter makes, as an unknown
 * enum value must: another program or a broken disk may have written it,
 * and nothing may be shown that could not be saved, or exported to JSON and
 * imported again. Cheap tests first; the message only on failure. */
static gboolean
loaded_text_ok (const char *value,
                gboolean    is_date)
{
  return strlen (value) <= MAX_TEXT_BYTES &&
         (!is_date || *value == '\0' || _gap_date_parse (value, NULL));
}

/* @check_error is a validation error of a loaded value. */
static gboolean
damaged_by (GapWorkspace  *self,
            GError        *check_error,
            GError       **error)
{
  g_assert (check_error != NULL);
  corrupt (self, error, check_error->message);
  g_error_free (check_error);
  return FALSE;
}

/* The meta value of @key into @out, NULL when the file has none. */
static gboolean
read_meta (GapWorkspace  *self,
           const char    *key,
           char         **out,
           GError       **error)
{
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_GET_META, error);
  g_autoptr(GError) local_error = NULL;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (_gap_store_next_row (self->store, stmt, &local_error))
    {
      *out = g_strdup (_gap_store_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_meta (GapWorkspace  *self,
           gboolean       initial,
           GError       **error)
{
  g_autofree char *edition = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *next_custom = NULL;

  if (!read_meta (self, "edition", &edition, error) ||
      !read_meta (self, "uuid", &uuid, error) ||
      !read_meta (self, "next-custom", &next_custom, error))
    return FALSE;

  if (edition == NULL)
    return corrupt (self, error, _("it names no edition of the standard."));
  if (initial && !gap_edition_from_string (edition, &self->edition))
    return corrupt (self, error, _("it names an unknown edition of the standard."));

  /* The store refuses a file without one before opening it for writing
   * (and the schema step 2 → 3 gives older files theirs): this is the
   * last line, for whatever slipped past. */
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return corrupt (self, error, _("it has no valid workspace identifier (UUID)."));
  {
    g_autofree char *lower = g_ascii_strdown (uuid, -1);

    if (_gap_set_str (&self->uuid, lower) && !initial)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
  }

  if (next_custom != NULL)
    self->next_custom = MAX (1, g_ascii_strtoull (next_custom, NULL, 10));
  return TRUE;
}

static void
set_scope_value (GapWorkspace  *self,
                 GapScopeField  field,
                 const char    *value)
{
  if (_gap_set_str (&self->scope[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION + field]);
}

static gboolean
load_scope (GapWorkspace  *self,
            GError       **error)
{
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_SCOPE, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      const char *key = _gap_store_column_text (stmt, 0);

      for (guint i = 0; i < GAP_N_SCOPE_FIELDS; i++)
        if (strcmp (key, scope_keys[i]) == 0)
          {
            const char *value = _gap_store_column_text (stmt, 1);
            gboolean is_date = i == GAP_SCOPE_FIELD_ASSESSMENT_DATE;

            if (!loaded_text_ok (value, is_date))
              {
                g_autofree char *what = describe_scope_field (i);
                GError *check_error = NULL;

                /* @value belongs to the statement: check before the reset. */
                if (validate_text (what, value, &check_error))
                  validate_date (what, value, &check_error);
                sqlite3_reset (stmt);
                return damaged_by (self, check_error, error);
              }
            set_scope_value (self, i, value);
          }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_items (GListModel *model,
            GPtrArray  *items)
{
  if (g_list_model_get_n_items (model) != items->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);

      if (gap_scope_item_get_id (item) != gap_scope_item_get_id (items->pdata[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_scope_items (GapWorkspace  *self,
                  GError       **error)
{
  GPtrArray *kinds[GAP_N_SCOPE_KINDS];
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_SCOPE_ITEMS, error);
  g_autoptr(GError) local_error = NULL;
  gboolean bad_kind = FALSE;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < GAP_N_SCOPE_KINDS; i++)
    kinds[i] = g_ptr_array_new_with_free_func (g_object_unref);

  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      GapScopeKind kind;

      if (!gap_scope_kind_from_string (_gap_store_column_text (stmt, 1), &kind))
        {
          bad_kind = TRUE;
          continue;
        }
      g_ptr_array_add (kinds[kind],
                       _gap_scope_item_new (sqlite3_column_int64 (stmt, 0), kind,
                                            _gap_store_column_text (stmt, 2),
                                            _gap_store_column_text (stmt, 3)));
    }
  if (local_error != NULL || bad_kind)
    {
      for (guint i = 0; i < GAP_N_SCOPE_KINDS; i++)
        g_ptr_array_unref (kinds[i]);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return corrupt (self, error, _("a scope item has an unknown kind."));
    }

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      {
        GapScopeItem *item = kinds[k]->pdata[i];
        GError *check_error = NULL;

        if (!validate_scope_item (k, gap_scope_item_get_name (item),
                                  gap_scope_item_get_detail (item), TRUE, &check_error))
          {
            for (guint j = 0; j < GAP_N_SCOPE_KINDS; j++)
              g_ptr_array_unref (kinds[j]);
            return damaged_by (self, check_error, error);
          }
      }

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    {
      GListModel *model = G_LIST_MODEL (self->scope_items[k]);

      if (same_items (model, kinds[k]))
        {
          /* Same items in the same order: update in place (notify). */
          for (guint i = 0; i < kinds[k]->len; i++)
            {
              g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);

              _gap_scope_item_set_name (item, gap_scope_item_get_name (kinds[k]->pdata[i]));
              _gap_scope_item_set_detail (item, gap_scope_item_get_detail (kinds[k]->pdata[i]));
            }
        }
      else
        g_list_store_splice (self->scope_items[k], 0, g_list_model_get_n_items (model),
                             kinds[k]->pdata, kinds[k]->len);
      g_ptr_array_unref (kinds[k]);
    }
  return TRUE;
}

static guint
n_catalog_services (GapWorkspace *self)
{
  return g_list_model_get_n_items (gap_catalog_get_services (self->catalog));
}

static void
remove_custom_objects (GapWorkspace *self,
                       guint         from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->services));

  for (guint i = from; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (G_LIST_MODEL (self->services), i);
      GapCertificate *certificate;
      guint position;

      certificate = g_hash_table_lookup (self->certificates_by_id,
                                         gap_service_record_get_id (record));
      if (certificate != NULL &&
          g_list_store_find (self->certificates, certificate, &position))
        g_list_store_remove (self->certificates, position);
      g_hash_table_remove (self->certificates_by_id, gap_service_record_get_id (record));
      g_hash_table_remove (self->services_by_id, gap_service_record_get_id (record));
    }
  if (n > from)
    g_list_store_splice (self->services, from, n - from, NULL, 0);
}

static void
add_custom_objects (GapWorkspace         *self,
                    const char           *id,
                    const char           *name,
                    GapServiceModelFlags  models,
                    gboolean              in_use)
{
  g_autoptr(GapServiceRecord) record = _gap_service_record_new_custom (id, name, models);
  g_autoptr(GapCertificate) certificate = _gap_certificate_new (id, NULL, record);

  _gap_service_record_set_in_use (record, in_use);
  add_service (self, record);
  add_certificate (self, certificate);
}

static gboolean
same_service_id (gconstpointer record,
                 gconstpointer id)
{
  return g_strcmp0 (gap_service_record_get_id ((GapServiceRecord *) record), id) == 0;
}

static gboolean
load_services (GapWorkspace  *self,
               GError       **error)
{
  g_autoptr(GPtrArray) custom = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_SERVICES, error);
  g_autoptr(GError) local_error = NULL;
  guint first_custom = n_catalog_services (self);
  gboolean same;

  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      const char *id = _gap_store_column_text (stmt, 0);
      gboolean in_use = sqlite3_column_int (stmt, 4) != 0;

      if (sqlite3_column_int (stmt, 1) != 0)
        {
          GapServiceRecord *record;
          GError *check_error = NULL;

          if (!validate_provider (_gap_store_column_text (stmt, 2), sqlite3_column_int (stmt, 3),
                                  TRUE, &check_error))
            {
              sqlite3_reset (stmt);
              return damaged_by (self, check_error, error);
            }
          /* The primary key makes IDs unique, but the quick check at open
           * does not look at keys: a damaged file can hold one twice, or a
           * catalog service's, and the two providers would become one. */
          if (gap_catalog_lookup_service (self->catalog, id) != NULL ||
              g_ptr_array_find_with_equal_func (custom, id, same_service_id, NULL))
            {
              sqlite3_reset (stmt);
              return corrupt (self, error, _("two services have the same ID."));
            }
          record = _gap_service_record_new_custom (id, _gap_store_column_text (stmt, 2),
                                                   sqlite3_column_int (stmt, 3));

          _gap_service_record_set_in_use (record, in_use);
          g_ptr_array_add (custom, record);
        }
      else
        {
          GapServiceRecord *record = g_hash_table_lookup (self->services_by_id, id);

          /* A service the catalog no longer has stays in the file, unseen. */
          if (record != NULL && !gap_service_record_get_is_custom (record))
            _gap_service_record_set_in_use (record, in_use);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  same = g_list_model_get_n_items (G_LIST_MODEL (self->services)) == first_custom + custom->len;
  for (guint i = 0; same && i < custom->len; i++)
    {
      g_autoptr(GapServiceRecord) record =
        g_list_model_get_item (G_LIST_MODEL (self->services), first_custom + i);

      same = g_strcmp0 (gap_service_record_get_id (record),
                        gap_service_record_get_id (custom->pdata[i])) == 0;
    }

  if (same)
    {
      for (guint i = 0; i < custom->len; i++)
        {
          GapServiceRecord *loaded = custom->pdata[i];
          GapServiceRecord *record =
            g_hash_table_lookup (self->services_by_id, gap_service_record_get_id (loaded));

          _gap_service_record_set_name (record, gap_service_record_get_name (loaded, NULL));
          _gap_service_record_set_models (record, gap_service_record_get_models (loaded));
          _gap_service_record_set_in_use (record, gap_service_record_get_in_use (loaded));
        }
    }
  else
    {
      remove_custom_objects (self, first_custom);
      for (guint i = 0; i < custom->len; i++)
        {
          GapServiceRecord *loaded = custom->pdata[i];

          add_custom_objects (self, gap_service_record_get_id (loaded),
                              gap_service_record_get_name (loaded, NULL),
                              gap_service_record_get_models (loaded),
                              gap_service_record_get_in_use (loaded));
        }
    }
  return TRUE;
}

static gboolean
load_certificates (GapWorkspace  *self,
                   GError       **error)
{
  sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_CERTIFICATES, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      GapCertificate *certificate =
        g_hash_table_lookup (self->certificates_by_id, _gap_store_column_text (stmt, 0));

      if (certificate == NULL)
        continue;
      for (guint f = 0; f < GAP_N_CERTIFICATE_FIELDS; f++)
        {
          const char *value = _gap_store_column_text (stmt, 1 + f);
          gboolean is_date = f == GAP_CERTIFICATE_FIELD_LAST_AUDIT ||
                             f == GAP_CERTIFICATE_FIELD_EXPIRY;

          if (!loaded_text_ok (value, is_date))
            {
              g_autofree char *what = describe_certificate_field (certificate, f);
              GError *check_error = NULL;

              /* @value belongs to the statement: check before the reset. */
              if (validate_text (what, value, &check_error))
                validate_date (what, value, &check_error);
              sqlite3_reset (stmt);
              return damaged_by (self, check_error, error);
            }
          _gap_certificate_set_field (certificate, f, value);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Column of @field in GAP_STMT_LOAD_ASSESSMENTS. */
static int
assessment_column (GapAssessmentField field)
{
  g_assert (field != GAP_FIELD_SERVICES);
  return field < GAP_FIELD_SERVICES ? (int) field + 1 : (int) field;
}

static void
emit_assessment_changed (GapWorkspace       *self,
                         GapAssessment      *assessment,
                         GapAssessmentField  field)
{
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, assessment, (guint) field);
}

static gboolean
load_assessment_row (GapWorkspace   *self,
                     sqlite3_stmt   *stmt,
                     GapAssessment  *assessment,
                     gboolean        emit,
                     GError        **error)
{
  for (guint f = 0; f < GAP_N_ASSESSMENT_FIELDS; f++)
    {
      int column;
      gboolean changed;

      if (f == GAP_FIELD_SERVICES)
        continue;
      column = assessment_column (f);
      if (_gap_assessment_field_is_string (f))
        {
          const char *value = _gap_store_column_text (stmt, column);

          if (!loaded_text_ok (value, f == GAP_FIELD_DUE_DATE))
            {
              g_autofree char *what = describe_assessment_field (assessment, f);
              GError *check_error = NULL;

              if (validate_text (what, value, &check_error))
                validate_date (what, value, &check_error);
              return damaged_by (self, check_error, error);
            }
          changed = g_strcmp0 (_gap_assessment_get_string (assessment, f), value) != 0;
          _gap_assessment_set_string (assessment, f, value);
        }
      else
        {
          int value = 0;

          if (f == GAP_FIELD_REASONS || f == GAP_FIELD_NEEDS_REVIEW)
            value = sqlite3_column_int (stmt, column);
          else if (!enum_from_string (f, _gap_store_column_text (stmt, column), &value))
            {
              g_autofree char *what = describe_assessment_field (assessment, f);
              g_autofree char *message = g_strdup_printf (_("%s has an unknown value."), what);

              return corrupt (self, error, message);
            }
          if (value < 0 || value > enum_max (f))
            {
              g_autofree char *what = describe_assessment_field (assessment, f);
              g_autofree char *message = g_strdup_printf (_("%s has an unknown value."), what);

              return corrupt (self, error, message);
            }
          changed = _gap_assessment_get_int (assessment, f) != value;
          _gap_assessment_set_int (assessment, f, value);
        }
      if (changed && emit)
        emit_assessment_changed (self, assessment, f);
    }
  _gap_assessment_set_changed (assessment, _gap_store_column_text (stmt, 12));
  return TRUE;
}

static gboolean
load_assessments (GapWorkspace  *self,
                  gboolean       emit,
                  GError       **error)
{
  g_autoptr(GHashTable) services = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint n;

  stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_ASSESSMENTS, error);
  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      GapAssessment *assessment =
        g_hash_table_lookup (self->assessments_by_id, _gap_store_column_text (stmt, 0));

      if (assessment == NULL)
        continue;
      if (!load_assessment_row (self, stmt, assessment, emit, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_ASSESSMENT_SERVICES, error);
  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      const char *control_id = _gap_store_column_text (stmt, 0);
      const char *service_id = _gap_store_column_text (stmt, 1);
      GPtrArray *ids = g_hash_table_lookup (services, control_id);

      /* A service the catalog no longer has stays in the file, unseen. */
      if (!g_hash_table_contains (self->services_by_id, service_id))
        continue;
      if (ids == NULL)
        {
          ids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (services, g_strdup (control_id), ids);
        }
      /* Once, as the setter keeps it, even if a damaged key repeats it. */
      if (!g_ptr_array_find_with_equal_func (ids, service_id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (service_id));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment =
        g_list_model_get_item (G_LIST_MODEL (self->assessments), i);
      GPtrArray *ids = g_hash_table_lookup (services, gap_assessment_get_control_id (assessment));
      gboolean changed;

      if (ids != NULL)
        g_ptr_array_add (ids, NULL);
      if (is_clause (assessment) &&
          (gap_assessment_get_applicability (assessment) != GAP_APPLICABILITY_APPLICABLE ||
           gap_assessment_get_responsibility (assessment) != GAP_RESPONSIBILITY_ORGANIZATION ||
           ids != NULL))
        {
          /* The setters never write these: the file was changed behind our back. */
          g_autofree char *message =
            g_strdup_printf (_("%s is a requirement of the standard: it is always applicable, "
                               "the organization’s own, and no service provides it."),
                             gap_assessment_get_control_id (assessment));

          return corrupt (self, error, message);
        }
      changed = !g_strv_equal (gap_assessment_get_services (assessment),
                               ids != NULL ? (const char * const *) ids->pdata
                                           : (const char * const[]) { NULL });
      _gap_assessment_set_services (assessment,
                                    ids != NULL ? (const char * const *) ids->pdata : NULL);
      if (changed && emit)
        emit_assessment_changed (self, assessment, GAP_FIELD_SERVICES);
    }
  return TRUE;
}

/* Brings every object in line with the file; notifies what differs. */
static gboolean
load (GapWorkspace  *self,
      gboolean       initial,
      GError       **error)
{
  if (!load_meta (self, initial, error) ||
      !load_scope (self, error) ||
      !load_scope_items (self, error) ||
      !load_services (self, error) ||
      !load_certificates (self, error) ||
      !load_assessments (self, !initial, error))
    return FALSE;
  return TRUE;
}

static gboolean
reload (GapWorkspace  *self,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!load (self, FALSE, &local_error))
    {
      g_warning ("Could not reload %s: %s", file_display (self), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return TRUE;
}

static GapWorkspace *
workspace_new (GFile     *file,
               GapStore  *store,
               GError   **error)
{
  g_autoptr(GapWorkspace) self = g_object_new (GAP_TYPE_WORKSPACE, NULL);
  GapCatalog *catalog;

  catalog = gap_catalog_get_default (error);
  if (catalog == NULL)
    {
      _gap_store_free (store);
      return NULL;
    }

  self->file = g_object_ref (file);
  self->display = g_filename_display_name (_gap_store_get_path (store));
  self->store = store;
  self->catalog = g_object_ref (catalog);
  self->read_only = _gap_store_get_read_only (store);

  if (!load_meta (self, TRUE, error))
    return NULL;
  populate_from_catalog (self);

  if (!self->read_only)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_gap_store_savepoint (self->store, "gap_edit", error))
        return NULL;
      if (!ensure_rows (self, &local_error))
        {
          _gap_store_rollback (self->store, "gap_edit");
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!_gap_store_release (self->store, "gap_edit", error))
        return NULL;
    }

  if (!load (self, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
remove_workspace_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
  g_unlink (path);
}

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file."), name);
    }
  return path;
}

/* ---- public: files ---- */

GapWorkspace *
gap_workspace_create (GFile       *file,
                      GapEdition   edition,
                      const char  *organization,
                      GError     **error)
{
  g_autoptr(GapWorkspace) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *what = NULL;
  GapStore *store;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (edition != GAP_EDITION_2013 && edition != GAP_EDITION_2022)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Unknown edition of the standard: %d."), (int) edition);
      return NULL;
    }
  what = describe_scope_field (GAP_SCOPE_FIELD_ORGANIZATION);
  if (organization == NULL)
    organization = "";
  if (!validate_text (what, organization, error))
    return NULL;
  /* Before a file exists: a broken catalog must not leave one behind. */
  if (gap_catalog_get_default (error) == NULL)
    return NULL;

  path = local_path (file, error);
  if (path == NULL)
    return NULL;

  store = _gap_store_create (path, edition, error);
  if (store == NULL)
    return NULL;

  self = workspace_new (file, store, error);
  if (self == NULL)
    {
      /* workspace_new freed the store; the file is ours and useless. */
      remove_workspace_files (path);
      return NULL;
    }

  if (*organization != '\0')
    {
      /* Part of creating, not an edit the user could undo. */
      if (!gap_workspace_begin_batch (self, error) ||
          !gap_workspace_set_scope_field (self, GAP_SCOPE_FIELD_ORGANIZATION, organization, error) ||
          !gap_workspace_end_batch (self, TRUE, error))
        {
          workspace_close (self, FALSE);
          remove_workspace_files (path);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

static GapWorkspace *
open_file (GFile     *file,
           gboolean   read_only,
           GError   **error)
{
  g_autofree char *path = local_path (file, error);
  GapStore *store;

  if (path == NULL)
    return NULL;
  store = read_only ? _gap_store_open_read_only (path, error) : _gap_store_open (path, error);
  if (store == NULL)
    return NULL;
  return workspace_new (file, store, error);
}

GapWorkspace *
gap_workspace_open (GFile   *file,
                    GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_file (file, FALSE, error);
}

GapWorkspace *
gap_workspace_open_read_only (GFile   *file,
                              GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_file (file, TRUE, error);
}

GapWorkspace *
gap_workspace_open_copy (GFile   *source,
                         GFile   *working_copy,
                         GError **error)
{
  g_autofree char *source_path = NULL;
  g_autofree char *copy_path = NULL;
  GapWorkspace *self;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (working_copy), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source_path = local_path (source, error);
  if (source_path == NULL)
    return NULL;
  copy_path = local_path (working_copy, error);
  if (copy_path == NULL)
    return NULL;

  if (!_gap_store_copy_file (source_path, copy_path, error))
    return NULL;

  self = gap_workspace_open (working_copy, error);
  if (self == NULL)
    /* The copy is ours: do not leave a useless one behind. */
    remove_workspace_files (copy_path);
  return self;
}

gboolean
gap_workspace_save_copy (GapWorkspace  *self,
                         GFile         *dest,
                         GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL)
    return check_writable (self, error);
  if (g_file_equal (dest, self->file))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("A copy of “%s” cannot replace the workspace itself."), file_display (self));
      return FALSE;
    }
  path = local_path (dest, error);
  if (path == NULL)
    return FALSE;
  return _gap_store_save_copy (self->store, path, error);
}

static void
workspace_close (GapWorkspace *self,
                 gboolean      resync)
{
  if (self->store == NULL)
    return;
  /* An unfinished batch is not committed: its changes are dropped, and
   * the objects show the file again. */
  if (self->batch_depth > 0 && resync)
    {
      while (self->batch_depth > 0)
        gap_workspace_end_batch (self, FALSE, NULL);
    }
  self->batch_depth = 0;
  g_clear_pointer (&self->store, _gap_store_free);
}

void
gap_workspace_close (GapWorkspace *self)
{
  g_return_if_fail (GAP_IS_WORKSPACE (self));

  workspace_close (self, TRUE);
}

GFile *
gap_workspace_get_file (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return self->file;
}

gboolean
gap_workspace_get_read_only (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), TRUE);
  return self->read_only;
}

GapEdition
gap_workspace_get_edition (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), GAP_EDITION_2022);
  return self->edition;
}

GapCatalog *
gap_workspace_get_catalog (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return self->catalog;
}

const char *
gap_workspace_get_uuid (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return self->uuid;
}

gboolean
_gap_workspace_set_uuid (GapWorkspace  *self,
                         const char    *uuid,
                         GError       **error)
{
  g_autofree char *lower = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("“%s” is not a UUID."), uuid);
      return FALSE;
    }
  lower = g_ascii_strdown (uuid, -1);
  if (g_strcmp0 (lower, self->uuid) == 0)
    return TRUE;

  /* Not an edit of the content: no change-log line, no undo. */
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_SET_META, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, "uuid", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lower, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  if (_gap_set_str (&self->uuid, lower))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
  return TRUE;
}

/* ---- public: scope ---- */

const char *
gap_workspace_get_scope_field (GapWorkspace  *self,
                               GapScopeField  field)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (field < GAP_N_SCOPE_FIELDS, NULL);
  return self->scope[field];
}

gboolean
gap_workspace_set_scope_field (GapWorkspace   *self,
                               GapScopeField   field,
                               const char     *value,
                               GError        **error)
{
  g_autofree char *what = NULL;
  g_autofree char *time = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  UndoEntry *entry;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) field >= GAP_N_SCOPE_FIELDS)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Unknown scope field: %d."), (int) field);
      return FALSE;
    }
  if (value == NULL)
    value = "";
  what = describe_scope_field (field);
  if (!validate_text (what, value, error) ||
      (field == GAP_SCOPE_FIELD_ASSESSMENT_DATE && !validate_date (what, value, error)))
    return FALSE;
  if (strcmp (self->scope[field], value) == 0)
    return check_writable (self, error);

  time = now_utc ();
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_SET_SCOPE, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, scope_keys[field], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error) ||
      !log_change (self, time, "scope", scope_keys[field], self->scope[field], value, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  /* The undo entry first: a notify handler that edits stacks after it. */
  old = g_strdup (self->scope[field]);
  entry = undo_entry_new (UNDO_SCOPE_FIELD, NULL, field);
  entry->str_value = g_steal_pointer (&old);
  push_undo (self, entry);
  set_scope_value (self, field, value);

  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  return TRUE;
}

GListModel *
gap_workspace_get_scope_items (GapWorkspace *self,
                               GapScopeKind  kind)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail ((guint) kind < GAP_N_SCOPE_KINDS, NULL);
  return G_LIST_MODEL (self->scope_items[kind]);
}

static char *
scope_item_log_item (GapScopeKind  kind,
                     const char   *name)
{
  return g_strdup_printf ("scope/%s/%s", gap_scope_kind_to_string (kind), name);
}

static gboolean
check_scope_item (GapWorkspace  *self,
                  GapScopeItem  *item,
                  guint         *position,
                  GError       **error)
{
  if (!g_list_store_find (self->scope_items[gap_scope_item_get_kind (item)], item, position))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("The scope item “%s” is not part of this workspace."),
                   gap_scope_item_get_name (item));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_scope_item (GapScopeKind   kind,
                     const char    *name,
                     const char    *detail,
                     gboolean       loading,
                     GError       **error)
{
  g_autofree char *what = g_strdup_printf (_("Scope item of “%s”"), gap_scope_kind_get_label (kind));

  return validate_name (what, name, loading, error) && validate_text (what, detail, error);
}

static UndoEntry *
scope_item_undo_entry (UndoKind      kind,
                       GapScopeItem *item,
                       guint         position)
{
  UndoEntry *entry = undo_entry_new (kind, NULL, 0);

  entry->item_id = gap_scope_item_get_id (item);
  entry->int_value = gap_scope_item_get_kind (item);
  entry->position = position;
  entry->str_value = g_strdup (gap_scope_item_get_name (item));
  entry->str_value2 = g_strdup (gap_scope_item_get_detail (item));
  return entry;
}

/* Writes positions from..to (inclusive) of @order, an array of items. */
static gboolean
write_positions (GapWorkspace  *self,
                 GapScopeItem **order,
                 guint          from,
                 guint          to,
                 guint          offset,
                 GError       **error)
{
  for (guint i = from; i <= to; i++)
    {
      sqlite3_stmt *stmt = _gap_store_statement (self->store, GAP_STMT_SET_SCOPE_ITEM_POSITION,
                                                 error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, gap_scope_item_get_id (order[i - offset]));
      sqlite3_bind_int64 (stmt, 2, i);
      if (!_gap_store_run (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Adds an item at @position; @id is 0 for a new item, or the ID of a
 * removed one that an undo brings back. */
static GapScopeItem *
insert_scope_item (GapWorkspace  *self,
                   GapScopeKind   kind,
                   gint64         id,
                   guint          position,
                   const char    *name,
                   const char    *detail,
                   GError       **error)
{
  g_autoptr(GapScopeItem) item = NULL;
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *time = NULL;
  g_autofree char *log_item = NULL;
  GListModel *model = G_LIST_MODEL (self->scope_items[kind]);
  sqlite3_stmt *stmt;
  guint n;

  n = g_list_model_get_n_items (model);
  position = MIN (position, n);
  for (guint i = position; i < n; i++)
    g_ptr_array_add (after, g_list_model_get_item (model, i));

  time = now_utc ();
  log_item = scope_item_log_item (kind, name);
  if (!edit_begin (self, error))
    return NULL;
  if (after->len > 0 &&
      !write_positions (self, (GapScopeItem **) after->pdata, position + 1, position + after->len,
                        position + 1, error))
    return (edit_abort (self, error), NULL);
  stmt = _gap_store_statement (self->store,
                               id != 0 ? GAP_STMT_RESTORE_SCOPE_ITEM : GAP_STMT_ADD_SCOPE_ITEM,
                               error);
  if (stmt == NULL)
    return (edit_abort (self, error), NULL);
  sqlite3_bind_text (stmt, 1, gap_scope_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, detail, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);
  if (!_gap_store_run (self->store, stmt, error))
    return (edit_abort (self, error), NULL);
  item = _gap_scope_item_new (id != 0 ? id : _gap_store_last_insert_rowid (self->store),
                              kind, name, detail);
  if (!log_change (self, time, log_item, "item", "", name, error))
    return (edit_abort (self, error), NULL);
  if (!edit_commit (self, error))
    return NULL;

  push_undo (self, scope_item_undo_entry (UNDO_SCOPE_ITEM_ADDED, item, position));
  g_list_store_insert (self->scope_items[kind], position, item);
  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  return item;
}

GapScopeItem *
gap_workspace_add_scope_item (GapWorkspace  *self,
                              GapScopeKind   kind,
                              const char    *name,
                              const char    *detail,
                              GError       **error)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) kind >= GAP_N_SCOPE_KINDS)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Unknown kind of scope item: %d."), (int) kind);
      return NULL;
    }
  if (name == NULL)
    name = "";
  if (detail == NULL)
    detail = "";
  if (!validate_scope_item (kind, name, detail, FALSE, error))
    return NULL;

  return insert_scope_item (self, kind, 0, G_MAXUINT, name, detail, error);
}

gboolean
gap_workspace_update_scope_item (GapWorkspace  *self,
                                 GapScopeItem  *item,
                                 const char    *name,
                                 const char    *detail,
                                 GError       **error)
{
  g_autofree char *time = NULL;
  g_autofree char *log_item = NULL;
  GapScopeKind kind;
  sqlite3_stmt *stmt;
  guint position;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = gap_scope_item_get_kind (item);
  if (name == NULL)
    name = "";
  if (detail == NULL)
    detail = "";
  if (!check_scope_item (self, item, &position, error) ||
      !validate_scope_item (kind, name, detail, FALSE, error))
    return FALSE;
  if (strcmp (name, gap_scope_item_get_name (item)) == 0 &&
      strcmp (detail, gap_scope_item_get_detail (item)) == 0)
    return check_writable (self, error);

  time = now_utc ();
  log_item = scope_item_log_item (kind, gap_scope_item_get_name (item));
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_UPDATE_SCOPE_ITEM, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_int64 (stmt, 1, gap_scope_item_get_id (item));
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, detail, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error))
    return edit_abort (self, error);
  if (strcmp (name, gap_scope_item_get_name (item)) != 0 &&
      !log_change (self, time, log_item, "name", gap_scope_item_get_name (item), name, error))
    return edit_abort (self, error);
  if (strcmp (detail, gap_scope_item_get_detail (item)) != 0 &&
      !log_change (self, time, log_item, "detail", gap_scope_item_get_detail (item), detail, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  push_undo (self, scope_item_undo_entry (UNDO_SCOPE_ITEM, item, position));

  _gap_scope_item_set_name (item, name);
  _gap_scope_item_set_detail (item, detail);
  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  return TRUE;
}

gboolean
gap_workspace_remove_scope_item (GapWorkspace  *self,
                                 GapScopeItem  *item,
                                 GError       **error)
{
  g_autoptr(GapScopeItem) keep = NULL;
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *time = NULL;
  g_autofree char *log_item = NULL;
  GListModel *model;
  GapScopeKind kind;
  sqlite3_stmt *stmt;
  guint position;
  guint n;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_scope_item (self, item, &position, error))
    return FALSE;
  keep = g_object_ref (item);
  kind = gap_scope_item_get_kind (item);
  model = G_LIST_MODEL (self->scope_items[kind]);
  n = g_list_model_get_n_items (model);
  for (guint i = position + 1; i < n; i++)
    g_ptr_array_add (after, g_list_model_get_item (model, i));

  time = now_utc ();
  log_item = scope_item_log_item (kind, gap_scope_item_get_name (item));
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_REMOVE_SCOPE_ITEM, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_int64 (stmt, 1, gap_scope_item_get_id (item));
  if (!_gap_store_run (self->store, stmt, error) ||
      (after->len > 0 &&
       !write_positions (self, (GapScopeItem **) after->pdata, position, position + after->len - 1,
                         position, error)) ||
      !log_change (self, time, log_item, "item", gap_scope_item_get_name (item), "", error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  push_undo (self, scope_item_undo_entry (UNDO_SCOPE_ITEM_REMOVED, item, position));
  g_list_store_remove (self->scope_items[kind], position);
  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  return TRUE;
}

gboolean
gap_workspace_move_scope_item (GapWorkspace  *self,
                               GapScopeItem  *item,
                               guint          position,
                               GError       **error)
{
  g_autoptr(GPtrArray) range = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *time = NULL;
  g_autofree char *log_item = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GListModel *model;
  GapScopeKind kind;
  guint old_position;
  guint lo, hi;
  guint n;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_scope_item (self, item, &old_position, error))
    return FALSE;
  kind = gap_scope_item_get_kind (item);
  model = G_LIST_MODEL (self->scope_items[kind]);
  n = g_list_model_get_n_items (model);
  position = MIN (position, n - 1);
  if (position == old_position)
    return check_writable (self, error);

  /* The new order of the items between the two positions. */
  lo = MIN (position, old_position);
  hi = MAX (position, old_position);
  for (guint i = lo; i <= hi; i++)
    if (i != old_position)
      g_ptr_array_add (range, g_list_model_get_item (model, i));
  g_ptr_array_insert (range, position - lo, g_object_ref (item));

  time = now_utc ();
  log_item = scope_item_log_item (kind, gap_scope_item_get_name (item));
  old_text = g_strdup_printf ("%u", old_position + 1);
  new_text = g_strdup_printf ("%u", position + 1);
  if (!edit_begin (self, error))
    return FALSE;
  if (!write_positions (self, (GapScopeItem **) range->pdata, lo, hi, lo, error) ||
      !log_change (self, time, log_item, "position", old_text, new_text, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  push_undo (self, scope_item_undo_entry (UNDO_SCOPE_ITEM_MOVED, item, old_position));
  /* One items-changed for the whole moved range. */
  g_list_store_splice (self->scope_items[kind], lo, range->len, range->pdata, range->len);
  g_signal_emit (self, signals[SCOPE_CHANGED], 0);
  return TRUE;
}

/* ---- public: services ---- */

GListModel *
gap_workspace_get_services (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->services);
}

GapServiceRecord *
gap_workspace_lookup_service (GapWorkspace *self,
                              const char   *id)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->services_by_id, id);
}

static gboolean
check_service (GapWorkspace      *self,
               GapServiceRecord  *record,
               gboolean           custom,
               GError           **error)
{
  if (g_hash_table_lookup (self->services_by_id, gap_service_record_get_id (record)) != record)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("The service “%s” is not part of this workspace."),
                   gap_service_record_get_id (record));
      return FALSE;
    }
  if (custom && !gap_service_record_get_is_custom (record))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("“%s” is a catalog service, not a provider added by hand."),
                   gap_service_record_get_name (record, NULL));
      return FALSE;
    }
  return TRUE;
}

gboolean
gap_workspace_set_service_in_use (GapWorkspace      *self,
                                  GapServiceRecord  *record,
                                  gboolean           in_use,
                                  GError           **error)
{
  g_autofree char *time = NULL;
  sqlite3_stmt *stmt;
  UndoEntry *entry;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  in_use = !!in_use;
  if (!check_service (self, record, FALSE, error))
    return FALSE;
  if (gap_service_record_get_in_use (record) == in_use)
    return check_writable (self, error);

  time = now_utc ();
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_SET_SERVICE_IN_USE, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, gap_service_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, in_use);
  if (!_gap_store_run (self->store, stmt, error) ||
      !log_change (self, time, gap_service_record_get_id (record), "in-use",
                   in_use ? "false" : "true", in_use ? "true" : "false", error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  entry = undo_entry_new (UNDO_SERVICE_IN_USE, gap_service_record_get_id (record), 0);
  entry->int_value = !in_use;
  push_undo (self, entry);
  _gap_service_record_set_in_use (record, in_use);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return TRUE;
}

static gboolean
validate_provider (const char            *name,
                   GapServiceModelFlags   models,
                   gboolean               loading,
                   GError               **error)
{
  if (!validate_name (_("Name of the provider"), name, loading, error))
    return FALSE;
  if (models & ~(GAP_SERVICE_MODEL_SAAS | GAP_SERVICE_MODEL_PAAS | GAP_SERVICE_MODEL_IAAS |
                 GAP_SERVICE_MODEL_PROFESSIONAL))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Service models of the provider: %u is not a valid value."), (guint) models);
      return FALSE;
    }
  return TRUE;
}

GapServiceRecord *
gap_workspace_add_custom_provider (GapWorkspace          *self,
                                   const char            *name,
                                   GapServiceModelFlags   models,
                                   GError               **error)
{
  g_autofree char *time = NULL;
  g_autofree char *id = NULL;
  g_autofree char *next = NULL;
  g_autofree char *models_text = NULL;
  GapServiceRecord *record;
  sqlite3_stmt *stmt;
  guint64 number;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "";
  if (!validate_provider (name, models, FALSE, error))
    return NULL;

  /* Numbers are never reused, so an old log line names one provider. */
  for (number = self->next_custom;; number++)
    {
      g_free (id);
      id = g_strdup_printf ("custom-%" G_GUINT64_FORMAT, number);
      if (!g_hash_table_contains (self->services_by_id, id))
        break;
    }
  next = g_strdup_printf ("%" G_GUINT64_FORMAT, number + 1);
  models_text = models_to_string (models);

  time = now_utc ();
  if (!edit_begin (self, error))
    return NULL;
  stmt = _gap_store_statement (self->store, GAP_STMT_ADD_CUSTOM_SERVICE, error);
  if (stmt == NULL)
    return (edit_abort (self, error), NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, models);
  if (!_gap_store_run (self->store, stmt, error))
    return (edit_abort (self, error), NULL);
  stmt = _gap_store_statement (self->store, GAP_STMT_ADD_CUSTOM_CERTIFICATE, error);
  if (stmt == NULL)
    return (edit_abort (self, error), NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error))
    return (edit_abort (self, error), NULL);
  stmt = _gap_store_statement (self->store, GAP_STMT_SET_META, error);
  if (stmt == NULL)
    return (edit_abort (self, error), NULL);
  sqlite3_bind_text (stmt, 1, "next-custom", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, next, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error) ||
      !log_change (self, time, id, "provider", "", name, error) ||
      (models != 0 && !log_change (self, time, id, "models", "", models_text, error)))
    return (edit_abort (self, error), NULL);
  if (!edit_commit (self, error))
    return NULL;

  self->next_custom = number + 1;
  add_custom_objects (self, id, name, models, TRUE);
  record = g_hash_table_lookup (self->services_by_id, id);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return record;
}

gboolean
gap_workspace_update_custom_provider (GapWorkspace          *self,
                                      GapServiceRecord      *record,
                                      const char            *name,
                                      GapServiceModelFlags   models,
                                      GError               **error)
{
  g_autofree char *time = NULL;
  g_autofree char *old_models = NULL;
  g_autofree char *new_models = NULL;
  const char *id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "";
  if (!check_service (self, record, TRUE, error) || !validate_provider (name, models, FALSE, error))
    return FALSE;
  if (strcmp (name, gap_service_record_get_name (record, NULL)) == 0 &&
      models == gap_service_record_get_models (record))
    return check_writable (self, error);

  id = gap_service_record_get_id (record);
  old_models = models_to_string (gap_service_record_get_models (record));
  new_models = models_to_string (models);
  time = now_utc ();
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_statement (self->store, GAP_STMT_UPDATE_CUSTOM_SERVICE, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, models);
  if (!_gap_store_run (self->store, stmt, error))
    return edit_abort (self, error);
  if (strcmp (name, gap_service_record_get_name (record, NULL)) != 0 &&
      !log_change (self, time, id, "name", gap_service_record_get_name (record, NULL), name, error))
    return edit_abort (self, error);
  if (strcmp (old_models, new_models) != 0 &&
      !log_change (self, time, id, "models", old_models, new_models, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  _gap_service_record_set_name (record, name);
  _gap_service_record_set_models (record, models);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return TRUE;
}

/* New services of @assessment without @service_id (NULL if it had none). */
static char **
services_without (GapAssessment *assessment,
                  const char    *service_id)
{
  const char * const *services = gap_assessment_get_services (assessment);
  GPtrArray *kept;

  if (!g_strv_contains (services, service_id))
    return NULL;
  kept = g_ptr_array_new ();
  for (guint i = 0; services[i] != NULL; i++)
    if (strcmp (services[i], service_id) != 0)
      g_ptr_array_add (kept, g_strdup (services[i]));
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

gboolean
gap_workspace_remove_custom_provider (GapWorkspace      *self,
                                      GapServiceRecord  *record,
                                      GError           **error)
{
  g_autoptr(GapServiceRecord) keep = NULL;
  g_autoptr(GPtrArray) affected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *time = NULL;
  g_autofree char *id = NULL;
  GapCertificate *certificate;
  sqlite3_stmt *stmt;
  guint n;
  guint position;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_service (self, record, TRUE, error))
    return FALSE;
  keep = g_object_ref (record);
  id = g_strdup (gap_service_record_get_id (record));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment =
        g_list_model_get_item (G_LIST_MODEL (self->assessments), i);
      char **without = services_without (assessment, id);

      if (without != NULL)
        {
          g_ptr_array_add (affected, g_object_ref (assessment));
          g_ptr_array_add (new_lists, without);
        }
    }

  time = now_utc ();
  if (!edit_begin (self, error))
    return FALSE;
  for (guint i = 0; i < affected->len; i++)
    {
      GapAssessment *assessment = affected->pdata[i];
      g_autofree char *old_text =
        g_strjoinv (",", (char **) gap_assessment_get_services (assessment));
      g_autofree char *new_text = g_strjoinv (",", new_lists->pdata[i]);

      /* The rows go with the service (ON DELETE CASCADE); this stamps
       * the assessment as changed. */
      stmt = _gap_store_assessment_update (self->store, GAP_FIELD_SERVICES, error);
      if (stmt == NULL)
        return edit_abort (self, error);
      sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, time, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, gap_assessment_get_control_id (assessment), -1,
                         SQLITE_TRANSIENT);
      if (!_gap_store_run (self->store, stmt, error) ||
          !log_change (self, time, gap_assessment_get_control_id (assessment), "services",
                       old_text, new_text, error))
        return edit_abort (self, error);
    }
  stmt = _gap_store_statement (self->store, GAP_STMT_REMOVE_SERVICE, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error) ||
      !log_change (self, time, id, "provider", gap_service_record_get_name (record, NULL), "",
                   error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  for (guint i = 0; i < affected->len; i++)
    {
      _gap_assessment_set_services (affected->pdata[i], new_lists->pdata[i]);
      _gap_assessment_set_changed (affected->pdata[i], time);
    }

  certificate = g_hash_table_lookup (self->certificates_by_id, id);
  if (certificate != NULL && g_list_store_find (self->certificates, certificate, &position))
    g_list_store_remove (self->certificates, position);
  g_hash_table_remove (self->certificates_by_id, id);
  if (g_list_store_find (self->services, record, &position))
    g_list_store_remove (self->services, position);
  g_hash_table_remove (self->services_by_id, id);
  purge_undo (self, id);

  for (guint i = 0; i < affected->len; i++)
    emit_assessment_changed (self, affected->pdata[i], GAP_FIELD_SERVICES);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return TRUE;
}

static int
state_rank (GapCertificateState state)
{
  switch (state)
    {
    case GAP_CERTIFICATE_STATE_CURRENT: return 0;
    case GAP_CERTIFICATE_STATE_STALE: return 1;  /* verified once, at least */
    case GAP_CERTIFICATE_STATE_UNVERIFIED:
    default: return 2;
    }
}

GapCertificateState
gap_workspace_get_service_state (GapWorkspace     *self,
                                 GapServiceRecord *record,
                                 const GDate      *today)
{
  GapCertificateState best = GAP_CERTIFICATE_STATE_UNVERIFIED;
  const char * const *family_ids;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), GAP_CERTIFICATE_STATE_UNVERIFIED);
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (record), GAP_CERTIFICATE_STATE_UNVERIFIED);
  g_return_val_if_fail (today != NULL, GAP_CERTIFICATE_STATE_UNVERIFIED);

  family_ids = gap_service_record_get_family_ids (record);
  for (guint i = 0; family_ids != NULL && family_ids[i] != NULL; i++)
    {
      GapCertificate *certificate = g_hash_table_lookup (self->certificates_by_id, family_ids[i]);
      GapCertificateState state;

      if (certificate == NULL)
        continue;
      state = gap_certificate_get_state (certificate, today);
      if (state_rank (state) < state_rank (best))
        best = state;
    }
  return best;
}

GListModel *
gap_workspace_get_certificates (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->certificates);
}

GapCertificate *
gap_workspace_lookup_certificate (GapWorkspace *self,
                                  const char   *family_id)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  if (family_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->certificates_by_id, family_id);
}

gboolean
gap_workspace_set_certificate_field (GapWorkspace         *self,
                                     GapCertificate       *certificate,
                                     GapCertificateField   field,
                                     const char           *value,
                                     GError              **error)
{
  g_autofree char *what = NULL;
  g_autofree char *time = NULL;
  const char *id;
  sqlite3_stmt *stmt;
  UndoEntry *entry;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = gap_certificate_get_family_id (certificate);
  if (g_hash_table_lookup (self->certificates_by_id, id) != certificate)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("The certificate “%s” is not part of this workspace."), id);
      return FALSE;
    }
  if ((guint) field >= GAP_N_CERTIFICATE_FIELDS)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Unknown certificate field: %d."), (int) field);
      return FALSE;
    }
  if (value == NULL)
    value = "";
  what = describe_certificate_field (certificate, field);
  if (!validate_text (what, value, error))
    return FALSE;
  if ((field == GAP_CERTIFICATE_FIELD_LAST_AUDIT || field == GAP_CERTIFICATE_FIELD_EXPIRY) &&
      !validate_date (what, value, error))
    return FALSE;
  if (strcmp (gap_certificate_get_field (certificate, field), value) == 0)
    return check_writable (self, error);

  time = now_utc ();
  if (!edit_begin (self, error))
    return FALSE;
  stmt = _gap_store_certificate_update (self->store, field, error);
  if (stmt == NULL)
    return edit_abort (self, error);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (!_gap_store_run (self->store, stmt, error) ||
      !log_change (self, time, id, certificate_keys[field],
                   gap_certificate_get_field (certificate, field), value, error))
    return edit_abort (self, error);
  if (!edit_commit (self, error))
    return FALSE;

  entry = undo_entry_new (UNDO_CERTIFICATE, id, field);
  entry->str_value = g_strdup (gap_certificate_get_field (certificate, field));
  push_undo (self, entry);
  _gap_certificate_set_field (certificate, field, value);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
  return TRUE;
}

/* ---- public: assessments ---- */

GListModel *
gap_workspace_get_assessments (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->assessments);
}

GapAssessment *
gap_workspace_lookup_assessment (GapWorkspace *self,
                                 const char   *control_id)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  if (control_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->assessments_by_id, control_id);
}

static gboolean
check_assessment (GapWorkspace   *self,
                  GapAssessment  *assessment,
                  GError        **error)
{
  if (g_hash_table_lookup (self->assessments_by_id,
                           gap_assessment_get_control_id (assessment)) != assessment)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_UNKNOWN_CONTROL,
                   _("The control %s is not part of this workspace."),
                   gap_assessment_get_control_id (assessment));
      return FALSE;
    }
  return TRUE;
}

/* A new value for a field of an assessment: the member of the field's type
 * is used. */
typedef struct
{
  GapAssessmentField  field;
  int                 int_value;
  const char         *str_value;
  const char * const *strv_value;
} FieldValue;

/* The field's value now, as an undo entry and as change-log text. */
static UndoEntry *
undo_entry_for_field (GapAssessment       *assessment,
                      GapAssessmentField   field,
                      char               **old_text)
{
  UndoEntry *entry = undo_entry_new (UNDO_ASSESSMENT, gap_assessment_get_control_id (assessment),
                                     field);

  if (field == GAP_FIELD_SERVICES)
    {
      entry->strv_value = g_strdupv ((char **) gap_assessment_get_services (assessment));
      *old_text = g_strjoinv (",", entry->strv_value);
    }
  else if (_gap_assessment_field_is_string (field))
    {
      entry->str_value = g_strdup (_gap_assessment_get_string (assessment, field));
      *old_text = g_strdup (entry->str_value);
    }
  else
    {
      entry->int_value = _gap_assessment_get_int (assessment, field);
      *old_text = assessment_value_to_string (field, entry->int_value, NULL, NULL);
    }
  return entry;
}

static FieldValue
field_value_from_entry (UndoEntry *entry)
{
  FieldValue value = { entry->field, entry->int_value, entry->str_value,
                       (const char * const *) entry->strv_value };

  return value;
}

static gboolean
field_differs (GapAssessment    *assessment,
               const FieldValue *value)
{
  if (value->field == GAP_FIELD_SERVICES)
    return !g_strv_equal (gap_assessment_get_services (assessment), value->strv_value);
  if (_gap_assessment_field_is_string (value->field))
    return g_strcmp0 (_gap_assessment_get_string (assessment, value->field),
                      value->str_value != NULL ? value->str_value : "") != 0;
  return _gap_assessment_get_int (assessment, value->field) != value->int_value;
}

/* The row and the change-log line of one field, inside the edit's savepoint. */
static gboolean
store_assessment_field (GapWorkspace      *self,
                        GapAssessment     *assessment,
                        const FieldValue  *value,
                        const char        *time,
                        const char        *old_text,
                        GError           **error)
{
  g_autofree char *new_text = NULL;
  const char *control_id = gap_assessment_get_control_id (assessment);
  GapAssessmentField field = value->field;
  gboolean is_string = _gap_assessment_field_is_string (field);
  sqlite3_stmt *stmt;

  new_text = assessment_value_to_string (field, value->int_value, value->str_value,
                                         value->strv_value);

  if (field == GAP_FIELD_SERVICES)
    {
      stmt = _gap_store_statement (self->store, GAP_STMT_CLEAR_ASSESSMENT_SERVICES, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
      if (!_gap_store_run (self->store, stmt, error))
        return FALSE;
      for (guint i = 0; value->strv_value[i] != NULL; i++)
        {
          stmt = _gap_store_statement (self->store, GAP_STMT_ADD_ASSESSMENT_SERVICE, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, value->strv_value[i], -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, i);
          if (!_gap_store_run (self->store, stmt, error))
            return FALSE;
        }
    }

  stmt = _gap_store_assessment_update (self->store, field, error);
  if (stmt == NULL)
    return FALSE;
  if (field == GAP_FIELD_SERVICES)
    sqlite3_bind_null (stmt, 1);
  else if (is_string)
    sqlite3_bind_text (stmt, 1, value->str_value, -1, SQLITE_TRANSIENT);
  else if (field == GAP_FIELD_REASONS || field == GAP_FIELD_NEEDS_REVIEW)
    sqlite3_bind_int (stmt, 1, value->int_value);
  else
    sqlite3_bind_text (stmt, 1, enum_to_string (field, value->int_value), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, control_id, -1, SQLITE_TRANSIENT);
  return _gap_store_run (self->store, stmt, error) &&
         log_change (self, time, control_id, gap_assessment_field_to_string (field),
                     old_text, new_text, error);
}

/* Writes @n fields (validated and different) in one transaction, then
 * updates the object; one undo step reverts them all. */
static gboolean
write_assessment (GapWorkspace      *self,
                  GapAssessment     *assessment,
                  const FieldValue  *values,
                  guint              n,
                  GError           **error)
{
  g_autofree char *time = now_utc ();
  g_autoptr(GPtrArray) entries = NULL;
  UndoEntry *entry;

  g_assert (n > 0);

  if (!edit_begin (self, error))
    return FALSE;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *old_text = NULL;

      g_ptr_array_add (entries, undo_entry_for_field (assessment, values[i].field, &old_text));
      if (!store_assessment_field (self, assessment, &values[i], time, old_text, error))
        return edit_abort (self, error);
    }
  if (!edit_commit (self, error))
    return FALSE;

  if (n == 1)
    entry = g_ptr_array_steal_index (entries, 0);
  else
    {
      entry = undo_entry_new (UNDO_ASSESSMENT_GROUP, gap_assessment_get_control_id (assessment), 0);
      entry->children = g_steal_pointer (&entries);
    }
  push_undo (self, entry);

  /* Every field is set before anyone hears of the first. */
  for (guint i = 0; i < n; i++)
    {
      if (values[i].field == GAP_FIELD_SERVICES)
        _gap_assessment_set_services (assessment, values[i].strv_value);
      else if (_gap_assessment_field_is_string (values[i].field))
        _gap_assessment_set_string (assessment, values[i].field, values[i].str_value);
      else
        _gap_assessment_set_int (assessment, values[i].field, values[i].int_value);
    }
  _gap_assessment_set_changed (assessment, time);
  for (guint i = 0; i < n; i++)
    emit_assessment_changed (self, assessment, values[i].field);
  return TRUE;
}

static gboolean
write_assessment_field (GapWorkspace        *self,
                        GapAssessment       *assessment,
                        GapAssessmentField   field,
                        int                  int_value,
                        const char          *str_value,
                        const char * const  *strv_value,
                        GError             **error)
{
  FieldValue value = { field, int_value, str_value, strv_value };

  return write_assessment (self, assessment, &value, 1, error);
}

static gboolean
is_clause (GapAssessment *assessment)
{
  return gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_CLAUSE;
}

gboolean
gap_workspace_set_assessment_string (GapWorkspace        *self,
                                     GapAssessment       *assessment,
                                     GapAssessmentField   field,
                                     const char          *value,
                                     GError             **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assessment (self, assessment, error))
    return FALSE;
  if ((guint) field >= GAP_N_ASSESSMENT_FIELDS || !_gap_assessment_field_is_string (field))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Field %d of %s is not a text field."), (int) field,
                   gap_assessment_get_control_id (assessment));
      return FALSE;
    }
  if (value == NULL)
    value = "";
  what = describe_assessment_field (assessment, field);
  if (!validate_text (what, value, error) ||
      (field == GAP_FIELD_DUE_DATE && !validate_date (what, value, error)))
    return FALSE;
  if (strcmp (_gap_assessment_get_string (assessment, field), value) == 0)
    return check_writable (self, error);

  return write_assessment_field (self, assessment, field, 0, value, NULL, error);
}

static gboolean
check_enum_value (GapAssessment       *assessment,
                  GapAssessmentField   field,
                  int                  value,
                  GError             **error)
{
  g_autofree char *what = NULL;
  int max;

  max = (guint) field < GAP_N_ASSESSMENT_FIELDS ? enum_max (field) : -1;
  if (max < 0)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Field %d of %s is not a choice field."), (int) field,
                   gap_assessment_get_control_id (assessment));
      return FALSE;
    }
  what = describe_assessment_field (assessment, field);
  if (value < 0 || value > max)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s: %d is not a valid value."), what, value);
      return FALSE;
    }
  if (field == GAP_FIELD_APPLICABILITY && value != GAP_APPLICABILITY_APPLICABLE &&
      is_clause (assessment))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s is a requirement of the standard: it is always applicable."),
                   gap_assessment_get_control_id (assessment));
      return FALSE;
    }
  if (field == GAP_FIELD_RESPONSIBILITY && value != GAP_RESPONSIBILITY_ORGANIZATION &&
      is_clause (assessment))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s is a requirement of the standard: it is always the organization’s "
                     "own responsibility."),
                   gap_assessment_get_control_id (assessment));
      return FALSE;
    }
  return TRUE;
}

gboolean
gap_workspace_set_assessment_enum (GapWorkspace        *self,
                                   GapAssessment       *assessment,
                                   GapAssessmentField   field,
                                   int                  value,
                                   GError             **error)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assessment (self, assessment, error) ||
      !check_enum_value (assessment, field, value, error))
    return FALSE;
  if (_gap_assessment_get_int (assessment, field) == value)
    return check_writable (self, error);

  return write_assessment_field (self, assessment, field, value, NULL, NULL, error);
}

/* @service_ids as the assessment stores them: known, each once, in order.
 * NULL-terminated; the strings are @service_ids'. */
static GPtrArray *
check_service_ids (GapWorkspace        *self,
                   GapAssessment       *assessment,
                   const char * const  *service_ids,
                   GError             **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; service_ids != NULL && service_ids[i] != NULL; i++)
    {
      if (!g_hash_table_contains (self->services_by_id, service_ids[i]))
        {
          g_autofree char *what = describe_assessment_field (assessment, GAP_FIELD_SERVICES);
          g_autofree char *shown = g_utf8_make_valid (service_ids[i], -1);

          g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                       _("%s: there is no service “%s” in this workspace."), what, shown);
          return NULL;
        }
      /* A service provides a control once. */
      if (!g_ptr_array_find_with_equal_func (ids, service_ids[i], g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) service_ids[i]);
    }
  g_ptr_array_add (ids, NULL);

  if (ids->len > 1 && is_clause (assessment))
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("%s is a requirement of the standard: no service can provide it."),
                   gap_assessment_get_control_id (assessment));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
gap_workspace_set_assessment_services (GapWorkspace        *self,
                                       GapAssessment       *assessment,
                                       const char * const  *service_ids,
                                       GError             **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assessment (self, assessment, error))
    return FALSE;
  ids = check_service_ids (self, assessment, service_ids, error);
  if (ids == NULL)
    return FALSE;
  if (g_strv_equal (gap_assessment_get_services (assessment), (const char * const *) ids->pdata))
    return check_writable (self, error);

  return write_assessment_field (self, assessment, GAP_FIELD_SERVICES, 0, NULL,
                                 (const char * const *) ids->pdata, error);
}

gboolean
gap_workspace_apply_suggestion (GapWorkspace   *self,
                                GapAssessment  *assessment,
                                GapSuggestion  *suggestion,
                                GError        **error)
{
  g_auto(GStrv) suggested = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  FieldValue values[2];
  guint n = 0;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (GAP_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assessment (self, assessment, error))
    return FALSE;
  suggested = gap_suggestion_dup_service_ids (suggestion);
  ids = check_service_ids (self, assessment, (const char * const *) suggested, error);
  if (ids == NULL ||
      !check_enum_value (assessment, GAP_FIELD_RESPONSIBILITY,
                         gap_suggestion_get_responsibility (suggestion), error))
    return FALSE;

  /* Services first, as a user would tick them before choosing. */
  values[n] = (FieldValue) { GAP_FIELD_SERVICES, 0, NULL, (const char * const *) ids->pdata };
  if (field_differs (assessment, &values[n]))
    n++;
  values[n] = (FieldValue) { GAP_FIELD_RESPONSIBILITY,
                             gap_suggestion_get_responsibility (suggestion), NULL, NULL };
  if (field_differs (assessment, &values[n]))
    n++;
  if (n == 0)
    return check_writable (self, error);

  return write_assessment (self, assessment, values, n, error);
}

/* ---- batches ---- */

gboolean
gap_workspace_begin_batch (GapWorkspace  *self,
                           GError       **error)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !_gap_store_savepoint (self->store, "gap_batch", error))
    return FALSE;
  self->batch_depth++;
  return TRUE;
}

gboolean
gap_workspace_end_batch (GapWorkspace  *self,
                         gboolean       commit,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->batch_depth == 0 || self->store == NULL)
    {
      g_set_error_literal (error, GAP_ERROR, GAP_ERROR_FAILED,
                           _("No series of changes is in progress."));
      return FALSE;
    }
  self->batch_depth--;

  if (self->batch_error != NULL)
    {
      /* Already rolled back (and reloaded) when it failed. */
      if (self->batch_depth == 0)
        {
          g_propagate_error (error, g_steal_pointer (&self->batch_error));
          return FALSE;
        }
      return commit ? check_writable (self, error) : TRUE;
    }

  if (commit)
    {
      if (_gap_store_release (self->store, "gap_batch", &local_error))
        return TRUE;
    }
  else
    _gap_store_rollback (self->store, "gap_batch");

  /* Simplest correct way back: read everything again from the file. */
  if (!reload (self, local_error != NULL ? NULL : error))
    return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- undo ---- */

gboolean
gap_workspace_get_can_undo (GapWorkspace *self)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  return self->undo.length > 0;
}

static char *
describe_entry (GapWorkspace *self,
                UndoEntry    *entry)
{
  switch (entry->kind)
    {
    case UNDO_ASSESSMENT:
      {
        GapAssessment *assessment = g_hash_table_lookup (self->assessments_by_id, entry->target);

        return assessment != NULL ? describe_assessment_field (assessment, entry->field) : NULL;
      }
    case UNDO_ASSESSMENT_GROUP:
      {
        GapAssessment *assessment = g_hash_table_lookup (self->assessments_by_id, entry->target);
        UndoEntry *first = g_ptr_array_index (entry->children, 0);
        UndoEntry *second = g_ptr_array_index (entry->children, 1);

        /* Groups are made of two fields (a suggestion applied). */
        g_assert (entry->children->len == 2);
        if (assessment == NULL)
          return NULL;
        /* TRANSLATORS: "Services and Responsibility of A.5.23": fields of a control */
        return g_strdup_printf (_("%s and %s of %s"), gap_assessment_field_get_label (first->field),
                                gap_assessment_field_get_label (second->field),
                                gap_assessment_get_control_id (assessment));
      }
    case UNDO_SCOPE_FIELD:
      return describe_scope_field (entry->field);
    case UNDO_SCOPE_ITEM:
      return g_strdup_printf (_("scope item “%s”"), entry->str_value);
    case UNDO_SCOPE_ITEM_ADDED:
    case UNDO_SCOPE_ITEM_REMOVED:
    case UNDO_SCOPE_ITEM_MOVED:
      /* Whole sentences: gap_workspace_describe_undo() says them as they are. */
      if (entry->kind == UNDO_SCOPE_ITEM_ADDED)
        return g_strdup_printf (_("Undo adding “%s”"), entry->str_value);
      if (entry->kind == UNDO_SCOPE_ITEM_REMOVED)
        return g_strdup_printf (_("Undo removal of “%s”"), entry->str_value);
      return g_strdup_printf (_("Undo move of “%s”"), entry->str_value);
    case UNDO_SERVICE_IN_USE:
      {
        GapServiceRecord *record = g_hash_table_lookup (self->services_by_id, entry->target);

        return record != NULL
          ? g_strdup_printf (_("use of %s"), gap_service_record_get_name (record, NULL))
          : NULL;
      }
    case UNDO_CERTIFICATE:
      {
        GapCertificate *certificate = g_hash_table_lookup (self->certificates_by_id,
                                                           entry->target);

        return certificate != NULL ? describe_certificate_field (certificate, entry->field) : NULL;
      }
    default:
      return NULL;
    }
}

char *
gap_workspace_describe_undo (GapWorkspace *self)
{
  g_autofree char *what = NULL;
  UndoEntry *entry;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);

  if (self->undo.length == 0)
    return NULL;
  entry = g_queue_peek_head (&self->undo);
  what = describe_entry (self, entry);
  if (what == NULL)
    return NULL;
  if (entry->kind == UNDO_SCOPE_ITEM_ADDED || entry->kind == UNDO_SCOPE_ITEM_REMOVED ||
      entry->kind == UNDO_SCOPE_ITEM_MOVED)
    return g_steal_pointer (&what);
  /* TRANSLATORS: "Undo change of Status of 5.1" */
  return g_strdup_printf (_("Undo change of %s"), what);
}

static GapScopeItem *
find_scope_item (GapWorkspace *self,
                 GapScopeKind  kind,
                 gint64        id)
{
  GListModel *model;
  guint n;

  if ((guint) kind >= GAP_N_SCOPE_KINDS)
    return NULL;
  model = G_LIST_MODEL (self->scope_items[kind]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);

      if (gap_scope_item_get_id (item) == id)
        return item;
    }
  return NULL;
}

static gboolean
apply_undo (GapWorkspace  *self,
            UndoEntry     *entry,
            GError       **error)
{
  switch (entry->kind)
    {
    case UNDO_ASSESSMENT:
      {
        GapAssessment *assessment = g_hash_table_lookup (self->assessments_by_id, entry->target);

        if (assessment == NULL)
          break;
        if (entry->field == GAP_FIELD_SERVICES)
          return gap_workspace_set_assessment_services (self, assessment,
                                                        (const char * const *) entry->strv_value,
                                                        error);
        if (_gap_assessment_field_is_string (entry->field))
          return gap_workspace_set_assessment_string (self, assessment, entry->field,
                                                      entry->str_value, error);
        return gap_workspace_set_assessment_enum (self, assessment, entry->field,
                                                  entry->int_value, error);
      }
    case UNDO_ASSESSMENT_GROUP:
      {
        GapAssessment *assessment = g_hash_table_lookup (self->assessments_by_id, entry->target);
        g_autofree FieldValue *values = g_new0 (FieldValue, entry->children->len);
        guint n = 0;

        if (assessment == NULL)
          break;
        /* Back in one transaction too, last written first. */
        for (guint i = entry->children->len; i > 0; i--)
          {
            values[n] = field_value_from_entry (g_ptr_array_index (entry->children, i - 1));
            if (field_differs (assessment, &values[n]))
              n++;
          }
        return n == 0 || write_assessment (self, assessment, values, n, error);
      }
    case UNDO_SCOPE_FIELD:
      return gap_workspace_set_scope_field (self, entry->field, entry->str_value, error);
    case UNDO_SCOPE_ITEM:
      {
        GapScopeItem *item = find_scope_item (self, entry->int_value, entry->item_id);

        if (item == NULL)
          break;
        return gap_workspace_update_scope_item (self, item, entry->str_value, entry->str_value2,
                                                error);
      }
    case UNDO_SCOPE_ITEM_ADDED:
      {
        GapScopeItem *item = find_scope_item (self, entry->int_value, entry->item_id);

        if (item == NULL)
          break;
        return gap_workspace_remove_scope_item (self, item, error);
      }
    case UNDO_SCOPE_ITEM_REMOVED:
      if (find_scope_item (self, entry->int_value, entry->item_id) != NULL)
        break;
      return insert_scope_item (self, entry->int_value, entry->item_id, entry->position,
                                entry->str_value, entry->str_value2, error) != NULL;
    case UNDO_SCOPE_ITEM_MOVED:
      {
        GapScopeItem *item = find_scope_item (self, entry->int_value, entry->item_id);

        if (item == NULL)
          break;
        return gap_workspace_move_scope_item (self, item, entry->position, error);
      }
    case UNDO_SERVICE_IN_USE:
      {
        GapServiceRecord *record = g_hash_table_lookup (self->services_by_id, entry->target);

        if (record == NULL)
          break;
        return gap_workspace_set_service_in_use (self, record, entry->int_value, error);
      }
    case UNDO_CERTIFICATE:
      {
        GapCertificate *certificate = g_hash_table_lookup (self->certificates_by_id,
                                                           entry->target);

        if (certificate == NULL)
          break;
        return gap_workspace_set_certificate_field (self, certificate, entry->field,
                                                    entry->str_value, error);
      }
    default:
      break;
    }

  g_set_error_literal (error, GAP_ERROR, GAP_ERROR_NOTHING_TO_UNDO,
                       _("The item that was changed no longer exists."));
  return FALSE;
}

gboolean
gap_workspace_undo (GapWorkspace  *self,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  UndoEntry *entry;
  gboolean ok;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->undo.length == 0)
    {
      g_set_error_literal (error, GAP_ERROR, GAP_ERROR_NOTHING_TO_UNDO,
                           _("There is nothing to undo."));
      return FALSE;
    }
  if (!check_writable (self, error))
    return FALSE;

  entry = g_queue_pop_head (&self->undo);
  self->undoing = TRUE;
  ok = apply_undo (self, entry, &local_error);
  self->undoing = FALSE;

  if (!ok && !g_error_matches (local_error, GAP_ERROR, GAP_ERROR_NOTHING_TO_UNDO))
    {
      /* Not saved (disk full, …): the change can still be undone later. */
      g_queue_push_head (&self->undo, entry);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  undo_entry_free (entry);
  if (self->undo.length == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- change log ---- */

void
gap_change_log_entry_free (GapChangeLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->item);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->author);
  g_free (entry);
}

/* "2026-11-29T08:15:00Z" from a time of the change log, or NULL. */
static char *
normalize_log_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (iso, utc);
  if (time == NULL)
    return NULL;
  /* "08:00+08:00" is kept in its own offset: format it in UTC. */
  in_utc = g_date_time_to_utc (time);
  if (g_date_time_get_year (in_utc) < 1900 || g_date_time_get_year (in_utc) > 2999)
    return NULL;
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The shape of the times the application writes ("2026-11-29T08:15:00Z"),
 * which sort as text as they do in time: what GAP_STORE_NORMAL_TIME globs,
 * tested here because SQLite's GLOB cost more than the rest of the scan. */
static gboolean
is_normal_log_time (const char *text,
                    gsize       length)
{
  static const char shape[] = "0000-00-00T00:00:00Z";

  if (length != sizeof shape - 1)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (shape[i] == '0' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
        return FALSE;
    }
  return TRUE;
}

/* The latest time of the normal shape that is a real time, given their
 * maximum @max ("" when there is none). */
static gboolean
latest_normal_time (GapWorkspace  *self,
                    const char    *max,
                    char         **latest,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *candidate = normalize_log_time (max);
  sqlite3_stmt *stmt;

  /* The maximum is the answer unless it is no real time (a damaged or
   * hand-made file): then walk down from it. */
  if (*max == '\0' || g_strcmp0 (candidate, max) == 0)
    {
      *latest = g_steal_pointer (&candidate);
      return TRUE;
    }
  g_clear_pointer (&candidate, g_free);

  stmt = _gap_store_statement (self->store, GAP_STMT_LOG_TIMES_NORMAL, error);
  if (stmt == NULL)
    return FALSE;
  while (candidate == NULL && _gap_store_next_row (self->store, stmt, &local_error))
    candidate = normalize_log_time (_gap_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *latest = g_steal_pointer (&candidate);
  return TRUE;
}

gboolean
gap_workspace_get_last_change (GapWorkspace  *self,
                               char         **time,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) others = NULL;
  g_autofree char *latest = NULL;
  char max[21] = "";
  GHashTableIter iter;
  gpointer other_time;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *time = NULL;
  if (self->store == NULL)
    return check_writable (self, error);

  /* One pass: the maximum of the normal times, and the distinct others in
   * any shape ISO 8601 allows (an imported log), to be parsed. */
  stmt = _gap_store_statement (self->store, GAP_STMT_LOG_TIMES, error);
  if (stmt == NULL)
    return FALSE;
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      /* The store has checked it is UTF-8 without a NUL: strlen() is its
       * length, and saves asking SQLite (a mutex) for each of the rows. */
      const char *text = _gap_store_column_text (stmt, 0);

      if (is_normal_log_time (text, strlen (text)))
        {
          if (strcmp (text, max) > 0)
            memcpy (max, text, sizeof max);
        }
      else
        {
          if (others == NULL)
            others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          if (!g_hash_table_contains (others, text))
            g_hash_table_add (others, g_strdup (text));
        }
    }
  sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!latest_normal_time (self, max, &latest, error))
    return FALSE;

  if (others != NULL)
    {
      g_hash_table_iter_init (&iter, others);
      while (g_hash_table_iter_next (&iter, &other_time, NULL))
        {
          g_autofree char *other = normalize_log_time (other_time);

          if (other != NULL && (latest == NULL || strcmp (other, latest) > 0))
            {
              g_free (latest);
              latest = g_steal_pointer (&other);
            }
        }
    }
  *time = g_steal_pointer (&latest);
  return TRUE;
}

GPtrArray *
gap_workspace_get_change_log (GapWorkspace  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GAP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->store == NULL)
    {
      check_writable (self, error);
      return NULL;
    }

  stmt = _gap_store_statement (self->store, GAP_STMT_LOAD_LOG, error);
  if (stmt == NULL)
    return NULL;
  log = g_ptr_array_new_with_free_func ((GDestroyNotify) gap_change_log_entry_free);
  while (_gap_store_next_row (self->store, stmt, &local_error))
    {
      GapChangeLogEntry *entry = g_new0 (GapChangeLogEntry, 1);

      entry->time = g_strdup (_gap_store_column_text (stmt, 0));
      entry->item = g_strdup (_gap_store_column_text (stmt, 1));
      entry->field = g_strdup (_gap_store_column_text (stmt, 2));
      entry->old_value = g_strdup (_gap_store_column_text (stmt, 3));
      entry->new_value = g_strdup (_gap_store_column_text (stmt, 4));
      entry->author = g_strdup (_gap_store_column_text (stmt, 5));
      g_ptr_array_add (log, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&log);
}
