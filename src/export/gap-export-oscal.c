/* gap-export-oscal.c — OSCAL 1.1.2 system security plan, catalog and profile
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three sibling JSON files that validate against NIST's OSCAL 1.1.2 schemas
 * and resolve against each other: the SSP imports "<name>-profile.json",
 * which imports all of "<name>-catalog.json". The catalog holds the Annex A
 * control IDs and short titles of the edition, never ISO's text.
 *
 * The SSP covers Annex A: one implemented-requirement per control, with a
 * by-component for the organization (the this-system component) and one per
 * service that provides the control. Clause 4–10 requirements are left out:
 * they are requirements of the management system itself, always the
 * organization's own, not controls that a system implements or inherits
 * (docs/oscal.md). Inherited controls carry OSCAL "inherited" statements on
 * the service's by-component; a service's component points at one
 * leveraged-authorization per dated certificate family.
 *
 * UUIDs are version 5 (name-based), so the same workspace exports the same
 * UUIDs every time: OSCAL asks that a UUID stay with its subject across
 * revisions of a document.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gap-export-private.h"
#include "gap-oscal-private.h"
#include "gap-workspace-private.h"

#define OSCAL_VERSION "1.1.2"
/* Our own properties live in our namespace, as OSCAL asks of extensions. */
#define GAP_OSCAL_NS "https://ismsgap.github.io/ns/oscal"

/* The application's namespace for name-based UUIDs (a fixed random UUID). */
static const guint8 app_namespace[16] = {
  0x4f, 0x66, 0xbd, 0x6d, 0xa7, 0x53, 0x49, 0x25,
  0x93, 0xd0, 0xdb, 0x4a, 0x17, 0xe2, 0xf9, 0x70,
};

void
_gap_oscal_uuid_v5 (const guint8  namespace_[16],
                    const char   *name,
                    guint8        out[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, namespace_, 16);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);
  g_assert (length == 20);

  memcpy (out, digest, 16);
  out[6] = (out[6] & 0x0f) | 0x50;  /* version 5 */
  out[8] = (out[8] & 0x3f) | 0x80;  /* RFC 4122 variant */
}

char *
_gap_oscal_uuid_to_string (const guint8 uuid[16])
{
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5],
                          uuid[6], uuid[7], uuid[8], uuid[9], uuid[10], uuid[11],
                          uuid[12], uuid[13], uuid[14], uuid[15]);
}

char *
_gap_oscal_control_id (const char *catalog_id)
{
  g_autofree char *lower = g_ascii_strdown (catalog_id, -1);

  /* OSCAL IDs are tokens, which may not start with a digit. */
  if (g_str_has_prefix (lower, "a."))
    return g_steal_pointer (&lower);
  return g_strconcat ("a.", lower, NULL);
}

/* JavaScript's \s, which the schemas' "^\S(.*\S)?$" patterns use: Unicode
 * spaces, line and paragraph separators, and the byte order mark. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff;
}

char *
_gap_oscal_clean_string (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  if (text == NULL)
    text = "";

  /* Runs of whitespace (newlines too: "." does not match them) become one
   * space; none at either end. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || g_unichar_iscntrl (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
_gap_oscal_markdown (const char *text,
                     gboolean    one_line)
{
  GString *out = g_string_new (NULL);
  gboolean line_start = TRUE;

  if (text == NULL)
    text = "";

  /* OSCAL's JSON markup is Markdown: user text must not turn into links,
   * HTML, emphasis, parameter insertions ("{{ insert: … }}") or block
   * structure. CommonMark lets any ASCII punctuation be escaped. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          g_string_append_c (out, one_line ? ' ' : '\n');
          line_start = !one_line;
          continue;
        }
      if (g_unichar_iscntrl (c) && c != '\t')
        continue;

      if (line_start && (c == ' ' || c == '\t'))
        {
          /* Indentation would make a code block. */
          continue;
        }

      if (strchr ("\\`*_[]<>&{}|", (int) c) != NULL && c < 0x80)
        g_string_append_c (out, '\\');
      else if (line_start && c < 0x80 && strchr ("#-+=>~:", (int) c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit ((int) c))
        {
          /* "1." or "1)" at the start of a line would begin a list. */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              p = q;
              line_start = FALSE;
              continue;
            }
        }

      g_string_append_unichar (out, c);
      line_start = FALSE;
    }

  /* No leading or trailing blank space. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* ---- the export ---- */

typedef struct
{
  GapAnalysis  *analysis;
  GapWorkspace *workspace;
  GapCatalog   *catalog;
  GapReport    *report;
  GapEdition    edition;
  guint         n_slots;
  guint8        namespace_[16];  /* this workspace's, under app_namespace */
  char         *last_modified;
  char         *catalog_href;
  char         *profile_href;
  /* Service record ID → the record, for those that become components. */
  GHashTable   *components;
  GPtrArray    *component_order;
  /* Certificate family ID → its leveraged-authorization UUID (dated ones). */
  GHashTable   *leveraged;
} Oscal;

static void
oscal_clear (Oscal *o)
{
  g_clear_pointer (&o->last_modified, g_free);
  g_clear_pointer (&o->catalog_href, g_free);
  g_clear_pointer (&o->profile_href, g_free);
  g_clear_pointer (&o->components, g_hash_table_unref);
  g_clear_pointer (&o->component_order, g_ptr_array_unref);
  g_clear_pointer (&o->leveraged, g_hash_table_unref);
}

static const char *
lang_of (Oscal *o,
         guint  slot)
{
  return o->report->languages[slot];
}

static const char *tr (Oscal *o, guint slot, const char *msgid) G_GNUC_FORMAT (3);

static const char *
tr (Oscal      *o,
    guint       slot,
    const char *msgid)
{
  return gap_report_gettext (o->report, slot, msgid);
}

/* The name-based UUID of one subject of this workspace. */
static char *uuid_for (Oscal *o, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
uuid_for (Oscal      *o,
          const char *format,
          ...)
{
  g_autofree char *name = NULL;
  guint8 uuid[16];
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);

  _gap_oscal_uuid_v5 (o->namespace_, name, uuid);
  return _gap_oscal_uuid_to_string (uuid);
}

/* Per-language texts joined for the export: one language gives texts[0];
 * "both" gives zh_TW and English with @separator, or one when equal. */
static char *
join_slots (Oscal      *o,
            char      **texts,
            const char *separator)
{
  char *joined;

  if (o->n_slots < 2 || texts[1] == NULL || g_strcmp0 (texts[0], texts[1]) == 0)
    joined = g_strdup (texts[0]);
  else
    joined = g_strconcat (texts[0], separator, texts[1], NULL);
  for (guint slot = 0; slot < o->n_slots; slot++)
    g_free (texts[slot]);
  return joined;
}

/* A sentence of ours with language-independent arguments, in every
 * language of the export. */
static char *say (Oscal *o, const char *separator, const char *format, ...) G_GNUC_PRINTF (3, 4);

static char *
say (Oscal      *o,
     const char *separator,
     const char *format,
     ...)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      va_list args;

      va_start (args, format);
      texts[slot] = g_strdup_vprintf (tr (o, slot, format), args);
      va_end (args);
    }
  return join_slots (o, texts, separator);
}

/* A msgid from a table (marked N_() there), in every language. */
static char *
say_msgid (Oscal      *o,
           const char *separator,
           const char *msgid)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    texts[slot] = g_strdup (gap_report_gettext (o->report, slot, msgid));
  return join_slots (o, texts, separator);
}

/* "Label: value" with the label in every language and the user's @value
 * once, as Markdown; NULL when @value is empty. */
static char *
labelled (Oscal      *o,
          const char *label_msgid,
          const char *value)
{
  g_autofree char *label = say_msgid (o, " / ", label_msgid);
  g_autofree char *text = _gap_oscal_markdown (value, FALSE);

  if (*text == '\0')
    return NULL;
  /* Chinese takes a full-width colon; a bilingual label an ASCII one. */
  if (o->n_slots == 1 && strcmp (lang_of (o, 0), "zh_TW") == 0)
    return g_strconcat (label, "：", text, NULL);
  return g_strconcat (label, ": ", text, NULL);
}

static const char *
report_text (const GapReportText *text,
             guint                slot)
{
  return gap_report_text_get (text, slot);
}

/* ---- JSON helpers ---- */

static void
set_string (JsonObject *object,
            const char *key,
            const char *value)
{
  json_object_set_string_member (object, key, value);
}

static void
take_string (JsonObject *object,
             const char *key,
             char       *value)
{
  json_object_set_string_member (object, key, value);
  g_free (value);
}

static JsonArray *
get_array (JsonObject *object,
           const char *key)
{
  if (!json_object_has_member (object, key))
    json_object_set_array_member (object, key, json_array_new ());
  return json_object_get_array_member (object, key);
}

static JsonObject *
add_object (JsonArray *array)
{
  JsonObject *object = json_object_new ();

  json_array_add_object_element (array, object);
  return object;
}

static JsonObject *
child_object (JsonObject *object,
              const char *key)
{
  JsonObject *child = json_object_new ();

  json_object_set_object_member (object, key, child);
  return child;
}

/* A property in our namespace; skipped when @value has nothing to say. */
static void
add_prop (JsonObject *object,
          const char *name,
          const char *value)
{
  g_autofree char *clean = _gap_oscal_clean_string (value);
  JsonObject *prop;

  if (clean == NULL)
    return;
  prop = add_object (get_array (object, "props"));
  set_string (prop, "name", name);
  set_string (prop, "ns", GAP_OSCAL_NS);
  set_string (prop, "value", clean);
}

/* A property in OSCAL's own namespace (no "ns"). */
static void
add_oscal_prop (JsonObject *object,
                const char *name,
                const char *value)
{
  JsonObject *prop = add_object (get_array (object, "props"));

  set_string (prop, "name", name);
  set_string (prop, "value", value);
}

static void
add_remarks (JsonObject *object,
             GString    *remarks)
{
  while (remarks->len > 0 && g_ascii_isspace (remarks->str[remarks->len - 1]))
    g_string_truncate (remarks, remarks->len - 1);
  if (remarks->len > 0)
    set_string (object, "remarks", remarks->str);
}

static void
append_paragraph (GString    *text,
                  const char *paragraph)
{
  if (paragraph == NULL || *paragraph == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, paragraph);
}

static void
take_paragraph (GString *text,
                char    *paragraph)
{
  append_paragraph (text, paragraph);
  g_free (paragraph);
}

static JsonObject *
metadata_new (Oscal      *o,
              JsonObject *parent,
              char       *title)
{
  JsonObject *metadata = child_object (parent, "metadata");

  take_string (metadata, "title", title);
  set_string (metadata, "last-modified", o->last_modified);
  /* The revision is the content's last change. */
  set_string (metadata, "version", o->last_modified);
  set_string (metadata, "oscal-version", OSCAL_VERSION);
  return metadata;
}

/* ---- words that depend on the language ---- */

static char *
edition_label (Oscal *o)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    texts[slot] = g_strdup (report_text (&o->report->edition_label, slot));
  return join_slots (o, texts, " / ");
}

/* The organization's name as a one-line OSCAL string. */
static char *
organization_name (Oscal *o)
{
  const char *organization;
  char *clean;

  organization = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ORGANIZATION);
  clean = _gap_oscal_clean_string (organization);
  if (clean != NULL)
    return clean;
  return say (o, " / ", N_("Information security management system"));
}

/* The short title of a GapControl or GapGroup. */
static char *
catalog_title (Oscal    *o,
               gpointer  object)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      const char *lang = lang_of (o, slot);
      const char *title = GAP_IS_CONTROL (object) ? gap_control_get_title (object, lang)
                                                  : gap_group_get_title (object, lang);

      texts[slot] = _gap_oscal_markdown (title, TRUE);
    }
  return join_slots (o, texts, " / ");
}

static char *
service_name (Oscal            *o,
              GapServiceRecord *record,
              guint             slot)
{
  return _gap_oscal_markdown (gap_service_record_get_name (record, lang_of (o, slot)), TRUE);
}

static char *
certificate_title (Oscal          *o,
                   GapCertificate *certificate,
                   guint           slot)
{
  return _gap_oscal_markdown (gap_certificate_get_title (certificate, lang_of (o, slot)), TRUE);
}

/* ---- what the export is built from ---- */

/* "2026-11-29T08:15:00Z" from a timestamp of the change log. */
static char *
normalize_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (iso, utc);
  if (time == NULL || g_date_time_get_year (time) < 1900 || g_date_time_get_year (time) > 2999)
    return NULL;
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The content's last change, so two exports of the same workspace are the
 * same bytes; a workspace never changed gives the analysis's "today". */
static gboolean
find_last_modified (Oscal   *o,
                    GError **error)
{
  g_autoptr(GPtrArray) log = gap_workspace_get_change_log (o->workspace, error);
  g_autofree char *latest = NULL;

  if (log == NULL)
    return FALSE;

  for (guint i = 0; i < log->len; i++)
    {
      const GapChangeLogEntry *entry = g_ptr_array_index (log, i);
      g_autofree char *time = normalize_time (entry->time);

      if (time != NULL && (latest == NULL || strcmp (time, latest) > 0))
        {
          g_free (latest);
          latest = g_steal_pointer (&time);
        }
    }

  if (latest == NULL)
    latest = g_strdup_printf ("%sT00:00:00Z", o->report->report_date);
  o->last_modified = g_steal_pointer (&latest);
  return TRUE;
}

/* "YYYY-MM-DD", a real day in the years OSCAL's date pattern allows. */
static gboolean
is_oscal_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  return _gap_date_parse (iso, &date) &&
         g_date_get_year (&date) >= 1900 && g_date_get_year (&date) <= 2999;
}

static gboolean
is_annex (GapAssessment *assessment)
{
  return gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_ANNEX;
}

/* Services become components when in use or named by an Annex A control
 * that leans on them (shared or inherited). */
static void
collect_components (Oscal *o)
{
  GListModel *services = gap_workspace_get_services (o->workspace);
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  o->components = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  o->component_order = g_ptr_array_new ();
  o->leveraged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      const char * const *ids = gap_assessment_get_services (assessment);

      if (!is_annex (assessment) ||
          gap_assessment_get_applicability (assessment) != GAP_APPLICABILITY_APPLICABLE ||
          gap_assessment_get_responsibility (assessment) == GAP_RESPONSIBILITY_ORGANIZATION)
        continue;
      for (guint j = 0; ids[j] != NULL; j++)
        g_hash_table_add (named, (gpointer) ids[j]);
    }

  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      const char *id = gap_service_record_get_id (record);
      const char * const *families;

      if (!gap_service_record_get_in_use (record) && !g_hash_table_contains (named, id))
        continue;

      g_hash_table_insert (o->components, (gpointer) id, g_object_ref (record));
      g_ptr_array_add (o->component_order, record);

      families = gap_service_record_get_family_ids (record);
      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        {
          GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace,
                                                                          families[j]);
          const char *last_audit;

          if (certificate == NULL || g_hash_table_contains (o->leveraged, families[j]))
            continue;
          last_audit = gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT);
          /* OSCAL requires the date of an authorization: without a
           * last-audit date there is nothing to leverage (unverified). */
          if (is_oscal_date (last_audit))
            g_hash_table_insert (o->leveraged,
                                 (gpointer) gap_certificate_get_family_id (certificate),
                                 uuid_for (o, "leveraged-authorization/%s", families[j]));
        }
    }
}

/* ---- the catalog ---- */

/* How an SoA writes the ID: "A.5.1". */
static char *
annex_label (const char *id)
{
  return g_str_has_prefix (id, "A.") ? g_strdup (id) : g_strconcat ("A.", id, NULL);
}

static void
add_catalog_control (Oscal      *o,
                     JsonObject *group,
                     GapControl *control)
{
  JsonObject *object = add_object (get_array (group, "controls"));
  const char *id = gap_control_get_id (control);
  g_autofree char *label = annex_label (id);

  take_string (object, "id", _gap_oscal_control_id (id));
  take_string (object, "title", catalog_title (o, control));
  add_oscal_prop (object, "label", label);
  if (gap_control_get_is_new (control))
    add_prop (object, "new-in-edition", "2022");
}

static JsonObject *
add_catalog_group (Oscal      *o,
                   JsonObject *parent,
                   GapGroup   *group,
                   const char *class)
{
  JsonObject *object = add_object (get_array (parent, "groups"));
  const char *id = gap_group_get_id (group);
  g_autofree char *label = annex_label (id);

  take_string (object, "id", _gap_oscal_control_id (id));
  set_string (object, "class", class);
  take_string (object, "title", catalog_title (o, group));
  add_oscal_prop (object, "label", label);
  return object;
}

static void
add_group_controls (Oscal      *o,
                    JsonObject *object,
                    GapGroup   *group)
{
  GListModel *controls = gap_group_get_controls (group);
  guint n = g_list_model_get_n_items (controls);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);

      if (gap_control_get_kind (control) == GAP_CONTROL_KIND_ANNEX)
        add_catalog_control (o, object, control);
    }
}

static JsonNode *
build_catalog (Oscal *o)
{
  JsonObject *root = json_object_new ();
  JsonObject *catalog = child_object (root, "catalog");
  GListModel *groups = gap_catalog_get_groups (o->catalog, o->edition);
  GListModel *objectives = gap_catalog_get_objectives (o->catalog, o->edition);
  g_autofree char *edition = edition_label (o);
  JsonObject *metadata;
  JsonNode *node;
  guint n;

  /* The catalog is the edition's, whatever the workspace: its UUID too. */
  {
    g_autofree char *name = g_strdup_printf ("catalog/iso27001-%s",
                                             gap_edition_to_string (o->edition));
    guint8 uuid[16];

    _gap_oscal_uuid_v5 (app_namespace, name, uuid);
    take_string (catalog, "uuid", _gap_oscal_uuid_to_string (uuid));
  }
  metadata = metadata_new (o, catalog,
                           say (o, " / ", N_("%s Annex A: control identifiers and titles"),
                                edition));
  take_string (metadata, "remarks",
               say (o, "\n\n", N_("Identifiers and short titles only. The controls themselves "
                                  "are described in the standard, which ISO and IEC publish.")));

  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      JsonObject *object;
      guint n_objectives;

      if (gap_group_get_kind (group) != GAP_CONTROL_KIND_ANNEX)
        continue;

      if (o->edition == GAP_EDITION_2022)
        {
          object = add_catalog_group (o, catalog, group, "theme");
          add_group_controls (o, object, group);
          continue;
        }

      /* 2013: domains hold control objectives, which hold the controls. */
      object = add_catalog_group (o, catalog, group, "domain");
      n_objectives = g_list_model_get_n_items (objectives);
      for (guint j = 0; j < n_objectives; j++)
        {
          g_autoptr(GapGroup) objective = g_list_model_get_item (objectives, j);

          if (g_strcmp0 (gap_group_get_parent_id (objective), gap_group_get_id (group)) != 0)
            continue;
          add_group_controls (o, add_catalog_group (o, object, objective, "objective"),
                              objective);
        }
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

/* ---- the profile ---- */

static JsonNode *
build_profile (Oscal *o)
{
  JsonObject *root = json_object_new ();
  JsonObject *profile = child_object (root, "profile");
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autofree char *title = _gap_oscal_markdown (organization, TRUE);
  JsonObject *import;
  JsonNode *node;

  take_string (profile, "uuid", uuid_for (o, "profile"));
  metadata_new (o, profile, say (o, " / ", N_("%s Annex A baseline of %s"), edition, title));
  import = add_object (get_array (profile, "imports"));
  set_string (import, "href", o->catalog_href);
  /* All of Annex A: the SoA answers for every control, applicable or not. */
  child_object (import, "include-all");
  json_object_set_boolean_member (child_object (profile, "merge"), "as-is", TRUE);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

/* ---- the system security plan ---- */

static const struct
{
  GapScopeKind kind;
  const char *label;
} scope_labels[] = {
  { GAP_SCOPE_KIND_SITE, N_("Sites") },
  { GAP_SCOPE_KIND_UNIT, N_("Organizational units") },
  { GAP_SCOPE_KIND_PROCESS, N_("Processes and services") },
  { GAP_SCOPE_KIND_ASSET_GROUP, N_("Information asset groups") },
  { GAP_SCOPE_KIND_INTERFACE, N_("Interfaces and dependencies") },
  { GAP_SCOPE_KIND_INTERESTED_PARTY, N_("Interested parties and their requirements") },
  { GAP_SCOPE_KIND_EXCLUSION, N_("Exclusions and their reasons") },
};

static char *
scope_statement (Oscal *o)
{
  const char *statement = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_STATEMENT);
  g_autofree char *text = _gap_oscal_markdown (statement, FALSE);

  if (*text != '\0')
    return g_steal_pointer (&text);
  return say (o, "\n\n", N_("No scope statement is recorded."));
}

/* The scope statement, then the boundaries as lists (clause 4.3). */
static char *
boundary_description (Oscal *o)
{
  GString *text = g_string_new (NULL);

  take_paragraph (text, scope_statement (o));
  for (guint k = 0; k < G_N_ELEMENTS (scope_labels); k++)
    {
      GListModel *items = gap_workspace_get_scope_items (o->workspace, scope_labels[k].kind);
      guint n = g_list_model_get_n_items (items);
      GString *list;

      if (n == 0)
        continue;
      list = g_string_new (NULL);
      for (guint slot = 0; slot < o->n_slots; slot++)
        {
          if (slot > 0)
            g_string_append (list, " / ");
          g_string_append (list, tr (o, slot, scope_labels[k].label));
        }
      g_string_append (list, ":\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (items, i);
          g_autofree char *name = _gap_oscal_markdown (gap_scope_item_get_name (item), TRUE);
          g_autofree char *detail = _gap_oscal_markdown (gap_scope_item_get_detail (item), TRUE);

          g_string_append_printf (list, "\n- %s", name);
          if (*detail != '\0')
            g_string_append_printf (list, ": %s", detail);
        }
      take_paragraph (text, g_string_free (list, FALSE));
    }
  return g_string_free (text, FALSE);
}

static void
add_information_types (Oscal      *o,
                       JsonObject *characteristics)
{
  JsonObject *information = child_object (characteristics, "system-information");
  JsonArray *types = get_array (information, "information-types");
  GListModel *groups = gap_workspace_get_scope_items (o->workspace, GAP_SCOPE_KIND_ASSET_GROUP);
  guint n = g_list_model_get_n_items (groups);

  /* The information asset groups of the scope are its information types. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapScopeItem) item = g_list_model_get_item (groups, i);
      JsonObject *type = add_object (types);
      g_autofree char *title = _gap_oscal_markdown (gap_scope_item_get_name (item), TRUE);
      g_autofree char *description = _gap_oscal_markdown (gap_scope_item_get_detail (item), FALSE);

      take_string (type, "uuid", uuid_for (o, "information-type/%" G_GINT64_FORMAT,
                                           gap_scope_item_get_id (item)));
      set_string (type, "title", title);
      set_string (type, "description", *description != '\0' ? description : title);
    }

  if (n == 0)
    {
      /* OSCAL requires one: say honestly that none is recorded. */
      JsonObject *type = add_object (types);

      take_string (type, "uuid", uuid_for (o, "information-type/scope"));
      take_string (type, "title", say (o, " / ", N_("Information within the scope")));
      take_string (type, "description",
                   say (o, "\n\n", N_("No information asset groups are recorded.")));
    }
}

static void
add_system_characteristics (Oscal      *o,
                            JsonObject *ssp,
                            const char *ssp_uuid)
{
  JsonObject *characteristics = child_object (ssp, "system-characteristics");
  JsonObject *system_id, *status, *boundary;
  const char *assessor, *date;
  g_autofree char *edition = edition_label (o);
  g_autoptr(GString) remarks = g_string_new (NULL);

  system_id = add_object (get_array (characteristics, "system-ids"));
  set_string (system_id, "identifier-type", "https://ietf.org/rfc/rfc4122");
  set_string (system_id, "id", ssp_uuid);
  take_string (characteristics, "system-name", organization_name (o));
  take_string (characteristics, "description", scope_statement (o));
  add_prop (characteristics, "edition", gap_edition_to_string (o->edition));
  add_information_types (o, characteristics);

  status = child_object (characteristics, "status");
  set_string (status, "state", "other");
  take_string (status, "remarks", say (o, "\n\n", N_("Under a gap assessment against %s."),
                                       edition));

  boundary = child_object (characteristics, "authorization-boundary");
  take_string (boundary, "description", boundary_description (o));

  assessor = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSOR);
  date = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE);
  take_paragraph (remarks, labelled (o, N_("Assessor"), assessor));
  take_paragraph (remarks, labelled (o, N_("Assessment date"), date));
  add_remarks (characteristics, remarks);
}

static const char *
provider_party_key (GapServiceRecord *record)
{
  if (gap_service_record_get_is_custom (record))
    return gap_service_record_get_id (record);
  return "microsoft";
}

static char *
provider_party_uuid (Oscal            *o,
                     GapServiceRecord *record)
{
  return uuid_for (o, "party/provider/%s", provider_party_key (record));
}

static void
add_metadata_parties (Oscal      *o,
                      JsonObject *metadata)
{
  static const struct
  {
    const char *id;
    const char *title;
  } roles[] = {
    { "prepared-for", N_("Prepared for") },
    { "prepared-by", N_("Prepared by") },
    { "provider", N_("Service provider") },
  };
  JsonArray *parties;
  JsonObject *party, *responsible;
  g_autofree char *organization_uuid = uuid_for (o, "party/organization");
  g_autofree char *assessor = _gap_oscal_clean_string (
    gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSOR));
  g_autoptr(GHashTable) providers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      JsonObject *role = add_object (get_array (metadata, "roles"));

      set_string (role, "id", roles[i].id);
      take_string (role, "title", say_msgid (o, " / ", roles[i].title));
    }

  parties = get_array (metadata, "parties");
  party = add_object (parties);
  set_string (party, "uuid", organization_uuid);
  set_string (party, "type", "organization");
  take_string (party, "name", organization_name (o));

  if (assessor != NULL)
    {
      party = add_object (parties);
      take_string (party, "uuid", uuid_for (o, "party/assessor"));
      set_string (party, "type", "person");
      set_string (party, "name", assessor);
    }

  for (guint i = 0; i < o->component_order->len; i++)
    {
      GapServiceRecord *record = g_ptr_array_index (o->component_order, i);
      const char *key = provider_party_key (record);
      g_autofree char *name = NULL;

      if (g_hash_table_contains (providers, key))
        continue;
      g_hash_table_add (providers, (gpointer) key);
      name = gap_service_record_get_is_custom (record)
             ? _gap_oscal_clean_string (gap_service_record_get_name (record, NULL))
             : g_strdup ("Microsoft");
      party = add_object (parties);
      take_string (party, "uuid", provider_party_uuid (o, record));
      set_string (party, "type", "organization");
      if (name != NULL)
        set_string (party, "name", name);
    }

  responsible = add_object (get_array (metadata, "responsible-parties"));
  set_string (responsible, "role-id", "prepared-for");
  json_array_add_string_element (get_array (responsible, "party-uuids"), organization_uuid);
  if (assessor != NULL)
    {
      g_autofree char *assessor_uuid = uuid_for (o, "party/assessor");

      responsible = add_object (get_array (metadata, "responsible-parties"));
      set_string (responsible, "role-id", "prepared-by");
      json_array_add_string_element (get_array (responsible, "party-uuids"), assessor_uuid);
    }
}

/* The analysis's "today" (the report's date), for certificate states. */
static void
report_today (Oscal *o,
              GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_parse (today, o->report->report_date);
  if (!g_date_valid (today))
    g_date_set_time_t (today, time (NULL));
}

/* Certificate titles of a record, joined for one language. */
static char *
certificate_titles (Oscal            *o,
                    GapServiceRecord *record,
                    guint             slot)
{
  const char * const *families = gap_service_record_get_family_ids (record);
  GString *text = g_string_new (NULL);

  for (guint i = 0; families != NULL && families[i] != NULL; i++)
    {
      GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace, families[i]);
      g_autofree char *title = NULL;

      if (certificate == NULL)
        continue;
      title = certificate_title (o, certificate, slot);
      if (text->len > 0)
        g_string_append (text, strcmp (lang_of (o, slot), "zh_TW") == 0 ? "；" : "; ");
      g_string_append (text, title);
    }
  return g_string_free (text, FALSE);
}

static void
add_links (JsonObject         *object,
           const char * const *urls)
{
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    {
      JsonObject *link = add_object (get_array (object, "links"));

      set_string (link, "href", urls[i]);
      set_string (link, "rel", "reference");
    }
}

static void
add_leveraged_authorization (Oscal            *o,
                             JsonArray        *array,
                             GapServiceRecord *record,
                             GapCertificate   *certificate,
                             const GDate      *today)
{
  JsonObject *object = add_object (array);
  const char *family_id = gap_certificate_get_family_id (certificate);
  GapCertFamily *family = gap_certificate_get_family (certificate);
  GapCertificateState state = gap_certificate_get_state (certificate, today);
  const char *expiry = gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_EXPIRY);
  char *titles[2] = { NULL, NULL };
  g_autoptr(GString) remarks = g_string_new (NULL);

  set_string (object, "uuid", g_hash_table_lookup (o->leveraged, family_id));
  for (guint slot = 0; slot < o->n_slots; slot++)
    titles[slot] = certificate_title (o, certificate, slot);
  take_string (object, "title", join_slots (o, titles, " / "));
  add_prop (object, "certificate-family", family_id);
  add_prop (object, "certificate-reference",
            gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_REFERENCE));
  add_prop (object, "certificate-issuer",
            gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_ISSUER));
  if (is_oscal_date (expiry))
    add_prop (object, "certificate-expiry", expiry);
  add_prop (object, "certificate-state", gap_certificate_state_to_string (state));
  if (family != NULL)
    {
      add_links (object, gap_cert_family_get_certificate_urls (family));
      add_links (object, gap_cert_family_get_audit_report_urls (family));
      add_links (object, gap_cert_family_get_soa_urls (family));
    }
  take_string (object, "party-uuid", provider_party_uuid (o, record));
  /* The certificate's last audit is when it was last (re)authorized. */
  set_string (object, "date-authorized",
              gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT));

  if (state == GAP_CERTIFICATE_STATE_STALE)
    take_paragraph (remarks, say (o, "\n\n", N_("Stale: the last audit is older than the audit "
                                                "cycle, or the certificate has expired.")));
  take_paragraph (remarks, labelled (o, N_("Notes"),
                                     gap_certificate_get_field (certificate,
                                                                GAP_CERTIFICATE_FIELD_NOTES)));
  add_remarks (object, remarks);
}

static void
add_leveraged_authorizations (Oscal      *o,
                              JsonObject *implementation,
                              const GDate *today)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < o->component_order->len; i++)
    {
      GapServiceRecord *record = g_ptr_array_index (o->component_order, i);
      const char * const *families = gap_service_record_get_family_ids (record);

      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        {
          GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace,
                                                                          families[j]);

          if (certificate == NULL || !g_hash_table_contains (o->leveraged, families[j]) ||
              g_hash_table_contains (done, families[j]))
            continue;
          g_hash_table_add (done, (gpointer) families[j]);
          add_leveraged_authorization (o, get_array (implementation, "leveraged-authorizations"),
                                       record, certificate, today);
        }
    }
}

static char *
component_uuid (Oscal            *o,
                GapServiceRecord *record)
{
  return uuid_for (o, "component/service/%s", gap_service_record_get_id (record));
}

static void
add_service_component (Oscal            *o,
                       JsonArray        *components,
                       GapServiceRecord *record,
                       const GDate      *today)
{
  static const GapServiceModelFlags models[] = {
    GAP_SERVICE_MODEL_SAAS, GAP_SERVICE_MODEL_PAAS, GAP_SERVICE_MODEL_IAAS,
    GAP_SERVICE_MODEL_PROFESSIONAL,
  };
  JsonObject *object = add_object (components);
  JsonObject *status;
  const char * const *families = gap_service_record_get_family_ids (record);
  gboolean custom = gap_service_record_get_is_custom (record);
  char *names[2] = { NULL, NULL };
  char *descriptions[2] = { NULL, NULL };
  g_autoptr(GString) remarks = g_string_new (NULL);

  take_string (object, "uuid", component_uuid (o, record));
  set_string (object, "type", "service");
  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *titles = certificate_titles (o, record, slot);

      names[slot] = service_name (o, record, slot);
      if (*titles == '\0')
        descriptions[slot] = g_strdup (custom ? tr (o, slot, N_("A provider added by hand."))
                                              : tr (o, slot, N_("A Microsoft cloud service.")));
      else
        descriptions[slot] = g_strdup_printf (custom
                                              ? tr (o, slot, N_("A provider added by hand, "
                                                                "covered by: %s"))
                                              : tr (o, slot, N_("A Microsoft cloud service, "
                                                                "covered by: %s")),
                                              titles);
    }
  take_string (object, "title", join_slots (o, names, " / "));
  take_string (object, "description", join_slots (o, descriptions, "\n\n"));

  /* Outside the organization's boundary, leaning on its certificates. */
  add_oscal_prop (object, "implementation-point", "external");
  for (guint j = 0; families != NULL && families[j] != NULL; j++)
    {
      const char *uuid = g_hash_table_lookup (o->leveraged, families[j]);
      GapCertificate *certificate;

      if (uuid != NULL)
        {
          add_oscal_prop (object, "leveraged-authorization-uuid", uuid);
          continue;
        }
      certificate = gap_workspace_lookup_certificate (o->workspace, families[j]);
      if (certificate != NULL)
        {
          char *texts[2] = { NULL, NULL };

          for (guint slot = 0; slot < o->n_slots; slot++)
            {
              g_autofree char *title = certificate_title (o, certificate, slot);

              texts[slot] = g_strdup_printf (tr (o, slot, N_("“%s” has no last-audit date: "
                                                             "the certificate is unverified.")),
                                             title);
            }
          take_paragraph (remarks, join_slots (o, texts, "\n\n"));
        }
    }
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    if (gap_service_record_get_models (record) & models[m])
      add_prop (object, "service-model", gap_service_model_to_string (models[m]));
  add_prop (object, "certificate-state",
            gap_certificate_state_to_string (gap_workspace_get_service_state (o->workspace,
                                                                              record, today)));

  status = child_object (object, "status");
  if (gap_service_record_get_in_use (record))
    set_string (status, "state", "operational");
  else
    {
      set_string (status, "state", "other");
      take_string (status, "remarks",
                   say (o, "\n\n", N_("Not in use in the scope, yet named by controls.")));
    }
  add_remarks (object, remarks);
}

static void
add_system_implementation (Oscal      *o,
                           JsonObject *ssp)
{
  JsonObject *implementation = child_object (ssp, "system-implementation");
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autoptr(GString) owner_list = g_string_new (NULL);
  JsonObject *user, *component, *status;
  JsonArray *components;
  guint n;
  GDate today;

  report_today (o, &today);
  add_leveraged_authorizations (o, implementation, &today);

  /* The people who own controls are the ISMS's users. */
  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      char *owner = _gap_oscal_markdown (gap_assessment_get_owner (assessment), TRUE);

      if (*owner == '\0' || g_hash_table_contains (seen, owner))
        {
          g_free (owner);
          continue;
        }
      g_hash_table_add (seen, owner);
      g_ptr_array_add (owners, owner);
    }
  user = add_object (get_array (implementation, "users"));
  take_string (user, "uuid", uuid_for (o, "user/control-owners"));
  take_string (user, "title", say (o, " / ", N_("Control owners")));
  for (guint i = 0; i < owners->len; i++)
    g_string_append_printf (owner_list, "%s- %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (owners, i));
  if (owner_list->len > 0)
    set_string (user, "description", owner_list->str);
  else
    take_string (user, "description", say (o, "\n\n", N_("No control owners are recorded.")));

  components = get_array (implementation, "components");
  component = add_object (components);
  take_string (component, "uuid", uuid_for (o, "component/this-system"));
  set_string (component, "type", "this-system");
  take_string (component, "title", _gap_oscal_markdown (organization, TRUE));
  take_string (component, "description",
               say (o, "\n\n", N_("The organization's information security management system, "
                                  "within the scope described in this plan.")));
  status = child_object (component, "status");
  set_string (status, "state", "other");
  take_string (status, "remarks", say (o, "\n\n", N_("Under a gap assessment against %s."),
                                       edition));

  for (guint i = 0; i < o->component_order->len; i++)
    add_service_component (o, components, g_ptr_array_index (o->component_order, i), &today);
}

/* OSCAL's implementation states; not assessed and not implemented have
 * none (the status property and the remarks say which). */
static const char *
implementation_state (GapStatus status)
{
  switch (status)
    {
    case GAP_STATUS_IMPLEMENTED:
      return "implemented";
    case GAP_STATUS_ALTERNATIVE:
      return "alternative";
    case GAP_STATUS_PARTIAL:
      return "partial";
    case GAP_STATUS_PLANNED:
      return "planned";
    case GAP_STATUS_NOT_ASSESSED:
    case GAP_STATUS_NOT_IMPLEMENTED:
    default:
      return NULL;
    }
}

static void
set_implementation_status (JsonObject *by_component,
                           const char *state,
                           char       *remarks)
{
  JsonObject *status = child_object (by_component, "implementation-status");

  set_string (status, "state", state);
  if (remarks != NULL && *remarks != '\0')
    set_string (status, "remarks", remarks);
  g_free (remarks);
}

static void
add_this_system (Oscal         *o,
                 JsonArray     *by_components,
                 GapAssessment *assessment)
{
  JsonObject *object = add_object (by_components);
  const char *control_id = gap_assessment_get_control_id (assessment);
  GapStatus status = gap_assessment_get_status (assessment);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) remarks = g_string_new (NULL);
  const char *state;

  take_string (object, "component-uuid", uuid_for (o, "component/this-system"));
  take_string (object, "uuid", uuid_for (o, "by-component/%s/this-system", control_id));

  if (gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE)
    {
      g_autofree char *justification = _gap_oscal_markdown (
        gap_assessment_get_justification (assessment), FALSE);

      take_paragraph (description, say (o, "\n\n", N_("Not applicable to the scope.")));
      set_string (object, "description", description->str);
      set_implementation_status (object, "not-applicable",
                                 *justification != '\0'
                                 ? g_strdup (justification)
                                 : say (o, "\n\n", N_("No justification is recorded.")));
      return;
    }

  switch (gap_assessment_get_responsibility (assessment))
    {
    case GAP_RESPONSIBILITY_SHARED:
      take_paragraph (description,
                      say (o, "\n\n", N_("Shared: the organization implements its part, and the "
                                         "services named here provide theirs.")));
      break;
    case GAP_RESPONSIBILITY_INHERITED:
      take_paragraph (description,
                      say (o, "\n\n", N_("Inherited: the services named here provide this "
                                         "control, and the organization relies on their "
                                         "certificates.")));
      if (gap_assessment_get_services (assessment)[0] == NULL)
        take_paragraph (remarks, say (o, "\n\n", N_("No providing service is named.")));
      break;
    case GAP_RESPONSIBILITY_ORGANIZATION:
    default:
      take_paragraph (description,
                      say (o, "\n\n", N_("The organization implements this control.")));
      break;
    }
  take_paragraph (description, labelled (o, N_("Evidence"),
                                         gap_assessment_get_evidence (assessment)));
  set_string (object, "description", description->str);

  add_prop (object, "status", gap_status_to_string (status));
  add_prop (object, "owner", gap_assessment_get_owner (assessment));
  if (is_oscal_date (gap_assessment_get_due_date (assessment)))
    add_prop (object, "due-date", gap_assessment_get_due_date (assessment));
  if (gap_assessment_get_priority (assessment) != GAP_PRIORITY_NONE)
    add_prop (object, "priority",
              gap_priority_to_string (gap_assessment_get_priority (assessment)));

  state = implementation_state (status);
  if (state != NULL)
    set_implementation_status (object, state, NULL);
  else if (status == GAP_STATUS_NOT_IMPLEMENTED)
    take_paragraph (remarks, say (o, "\n\n", N_("Not implemented.")));
  else
    take_paragraph (remarks, say (o, "\n\n", N_("Not assessed yet.")));
  take_paragraph (remarks, labelled (o, N_("Notes"), gap_assessment_get_notes (assessment)));
  add_remarks (object, remarks);
}

static void
add_provider (Oscal            *o,
              JsonArray        *by_components,
              GapAssessment    *assessment,
              GapServiceRecord *record,
              const GDate      *today)
{
  JsonObject *object = add_object (by_components);
  const char *control_id = gap_assessment_get_control_id (assessment);
  const char *service_id = gap_service_record_get_id (record);
  gboolean inherited = gap_assessment_get_responsibility (assessment) ==
                       GAP_RESPONSIBILITY_INHERITED;
  GapCertificateState state = gap_workspace_get_service_state (o->workspace, record, today);
  char *descriptions[2] = { NULL, NULL };
  char *remarks[2] = { NULL, NULL };

  take_string (object, "component-uuid", component_uuid (o, record));
  take_string (object, "uuid", uuid_for (o, "by-component/%s/service/%s", control_id, service_id));

  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *name = service_name (o, record, slot);

      descriptions[slot] = g_strdup_printf (inherited
                                            ? tr (o, slot, N_("%s provides this control."))
                                            : tr (o, slot, N_("%s provides its part of this "
                                                              "control.")),
                                            name);
      if (!gap_service_record_get_in_use (record))
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("%s is not in use in the scope.")),
                                         name);
      else if (state == GAP_CERTIFICATE_STATE_UNVERIFIED)
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("No certificate of %s has a last-audit "
                                                         "date: it is unverified.")),
                                         name);
      else if (state == GAP_CERTIFICATE_STATE_STALE)
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("The certificates of %s are stale: the "
                                                         "last audit is older than the audit "
                                                         "cycle, or they have expired.")),
                                         name);
    }
  take_string (object, "description", join_slots (o, descriptions, "\n\n"));

  /* The provider's part stands only on a current certificate of a
   * service in use; otherwise the remarks say what is missing. */
  if (remarks[0] == NULL)
    set_implementation_status (object, "implemented", NULL);
  else
    take_string (object, "remarks", join_slots (o, remarks, "\n\n"));

  if (inherited)
    {
      JsonObject *statement = add_object (get_array (object, "inherited"));
      const char * const *families = gap_service_record_get_family_ids (record);
      JsonObject *role;
      g_autofree char *party = NULL;
      char *texts[2] = { NULL, NULL };

      take_string (statement, "uuid", uuid_for (o, "inherited/%s/%s", control_id, service_id));
      for (guint slot = 0; slot < o->n_slots; slot++)
        {
          g_autofree char *name = service_name (o, record, slot);
          g_autofree char *titles = certificate_titles (o, record, slot);

          texts[slot] = *titles != '\0'
                        ? g_strdup_printf (tr (o, slot, N_("Inherited from %s, certified under: "
                                                           "%s")), name, titles)
                        : g_strdup_printf (tr (o, slot, N_("Inherited from %s.")), name);
        }
      take_string (statement, "description", join_slots (o, texts, "\n\n"));
      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        add_prop (statement, "certificate-family", families[j]);
      role = add_object (get_array (statement, "responsible-roles"));
      set_string (role, "role-id", "provider");
      party = provider_party_uuid (o, record);
      json_array_add_string_element (get_array (role, "party-uuids"), party);
    }
}

static gboolean
add_control_implementation (Oscal         *o,
                            JsonObject    *ssp,
                            GCancellable  *cancellable,
                            GError       **error)
{
  JsonObject *implementation = child_object (ssp, "control-implementation");
  JsonArray *requirements = get_array (implementation, "implemented-requirements");
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autofree char *edition = edition_label (o);
  guint n = g_list_model_get_n_items (assessments);
  GDate today;

  report_today (o, &today);
  take_string (implementation, "description",
               say (o, "\n\n", N_("How the organization implements the Annex A controls of %s, "
                                  "and what its cloud services provide."), edition));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      const char *control_id = gap_assessment_get_control_id (assessment);
      GapReasonFlags reasons = gap_assessment_get_reasons (assessment);
      gboolean applicable;
      JsonObject *requirement;
      JsonArray *by_components;

      if (!is_annex (assessment))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      applicable = gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_APPLICABLE;
      requirement = add_object (requirements);
      take_string (requirement, "uuid", uuid_for (o, "implemented-requirement/%s", control_id));
      take_string (requirement, "control-id", _gap_oscal_control_id (control_id));
      add_prop (requirement, "applicability",
                gap_applicability_to_string (gap_assessment_get_applicability (assessment)));
      add_prop (requirement, "verdict",
                gap_verdict_to_string (gap_analysis_get_verdict (o->analysis, assessment)));
      if (applicable)
        add_prop (requirement, "responsibility",
                  gap_responsibility_to_string (gap_assessment_get_responsibility (assessment)));
      for (guint bit = 0; bit < GAP_N_REASONS; bit++)
        if (reasons & (1u << bit))
          add_prop (requirement, "reason", gap_reason_to_string ((GapReasonFlags) (1u << bit)));
      if (gap_assessment_get_needs_review (assessment))
        add_prop (requirement, "needs-review", "true");

      by_components = get_array (requirement, "by-components");
      add_this_system (o, by_components, assessment);

      if (applicable &&
          gap_assessment_get_responsibility (assessment) != GAP_RESPONSIBILITY_ORGANIZATION)
        {
          const char * const *services = gap_assessment_get_services (assessment);

          for (guint j = 0; services[j] != NULL; j++)
            {
              GapServiceRecord *record = g_hash_table_lookup (o->components, services[j]);

              if (record != NULL)
                add_provider (o, by_components, assessment, record, &today);
            }
        }

      if (!applicable)
        {
          g_autofree char *justification = _gap_oscal_markdown (
            gap_assessment_get_justification (assessment), FALSE);

          take_string (requirement, "remarks",
                       *justification != '\0'
                       ? labelled (o, N_("Justification"),
                                   gap_assessment_get_justification (assessment))
                       : say (o, "\n\n", N_("No justification is recorded.")));
        }
    }
  return TRUE;
}

static JsonNode *
build_ssp (Oscal         *o,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonObject *ssp, *metadata, *import;
  g_autofree char *ssp_uuid = uuid_for (o, "system-security-plan");
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autofree char *title = NULL;

  json_node_take_object (node, root);
  ssp = child_object (root, "system-security-plan");
  set_string (ssp, "uuid", ssp_uuid);
  title = _gap_oscal_markdown (organization, TRUE);
  metadata = metadata_new (o, ssp, say (o, " / ", N_("%s: system security plan (%s)"), title,
                                        edition));
  add_metadata_parties (o, metadata);

  import = child_object (ssp, "import-profile");
  set_string (import, "href", o->profile_href);

  add_system_characteristics (o, ssp, ssp_uuid);
  add_system_implementation (o, ssp);
  if (!add_control_implementation (o, ssp, cancellable, error))
    return NULL;
  return g_steal_pointer (&node);
}

/* ---- the files ---- */

static gboolean
write_document (GapExportFile  *file,
                GFile          *dest,
                JsonNode       *root,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GOutputStream *stream = _gap_export_file_get_stream (file);
  g_autoptr(GError) local_error = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  if (!json_generator_to_stream (generator, stream, cancellable, &local_error) ||
      !g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      /* Stream errors say what failed, not where. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&local_error, _("Could not write “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _gap_export_file_close (file, cancellable, error);
}

/* "plan.json" → "plan"; other names are kept whole. */
static char *
document_stem (GFile *dest)
{
  g_autofree char *basename = g_file_get_basename (dest);
  gsize length = strlen (basename);

  if (length > 5 && g_ascii_strcasecmp (basename + length - 5, ".json") == 0)
    basename[length - 5] = '\0';
  return g_steal_pointer (&basename);
}

gboolean
_gap_export_write_oscal (GapAnalysis   *analysis,
                         GapReport     *report,
                         GFile         *dest,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *identity = NULL;
  JsonNode *documents[3] = { NULL, NULL, NULL };
  GFile *files[3] = { NULL, NULL, NULL };
  GapExportFile *outputs[3] = { NULL, NULL, NULL };
  gboolean existed[3] = { FALSE, FALSE, FALSE };
  guint committed = 0;
  gboolean ok = FALSE;
  Oscal o = { 0 };

  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  parent = g_file_get_parent (dest);
  if (parent == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("“%s” is not a file name."),
                   name);
      return FALSE;
    }

  o.analysis = analysis;
  o.workspace = gap_analysis_get_workspace (analysis);
  o.catalog = gap_workspace_get_catalog (o.workspace);
  o.report = report;
  o.edition = gap_workspace_get_edition (o.workspace);
  o.n_slots = report->n_languages;

  /* The subject of the plan is the workspace: its UUIDs follow the
   * workspace's own, which renaming the organization does not change
   * (docs/oscal.md, "Identifiers"). */
  identity = g_strconcat ("workspace\n", gap_workspace_get_uuid (o.workspace), NULL);
  _gap_oscal_uuid_v5 (app_namespace, identity, o.namespace_);

  stem = document_stem (dest);
  names = g_new0 (char *, 3);
  names[0] = g_strconcat (stem, "-catalog.json", NULL);
  names[1] = g_strconcat (stem, "-profile.json", NULL);
  /* Relative references between siblings, escaped as URI references. */
  o.catalog_href = g_uri_escape_string (names[0], NULL, FALSE);
  o.profile_href = g_uri_escape_string (names[1], NULL, FALSE);

  if (!find_last_modified (&o, error))
    goto out;
  collect_components (&o);

  documents[0] = build_catalog (&o);
  documents[1] = build_profile (&o);
  documents[2] = build_ssp (&o, cancellable, error);
  if (documents[2] == NULL)
    goto out;

  files[0] = g_file_get_child (parent, names[0]);
  files[1] = g_file_get_child (parent, names[1]);
  files[2] = g_object_ref (dest);

  /* All three written and closed before any is renamed into place. */
  for (guint i = 0; i < 3; i++)
    {
      outputs[i] = _gap_export_file_new (files[i], cancellable, error);
      if (outputs[i] == NULL ||
          !write_document (outputs[i], files[i], documents[i], cancellable, error))
        goto out;
    }
  for (guint i = 0; i < 3; i++)
    existed[i] = g_file_query_exists (files[i], NULL);
  /* The SSP last: it never names a profile that is not there. */
  for (; committed < 3; committed++)
    if (!_gap_export_file_commit (outputs[committed], cancellable, error))
      goto out;
  ok = TRUE;

out:
  /* A new set is whole or absent: take back what was renamed into place.
   * A file that replaced one of an earlier set stays, so that the earlier
   * plan still finds its catalog and profile. */
  for (guint i = 0; !ok && i < committed; i++)
    if (!existed[i])
      g_file_delete (files[i], NULL, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&outputs[i], _gap_export_file_free);
      g_clear_pointer (&documents[i], json_node_unref);
      g_clear_object (&files[i]);
    }
  oscal_clear (&o);
  return ok;
}
