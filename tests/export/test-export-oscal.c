/* test-export-oscal.c — the OSCAL SSP, catalog and profile of a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structure is checked here against the workspace itself; NIST's JSON
 * Schemas are checked by tests/export/oscal/validate.mjs (ajv), which needs
 * node: without it those cases are skipped.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "gap-export.h"
#include "gap-oscal-private.h"

#define INJECTION_NAME "=HYPERLINK(\"http://x\",\"y\") <script>alert(1)</script> \"q\" 'q'\n" \
                       "line two \u202Eevil [link](http://x) {{ insert: param, p }}"

/* The day the fixtures' analyses are made on. */
#define FIXTURE_DAY 30, G_DATE_NOVEMBER, 2026

typedef struct
{
  char         *dir;
  GapWorkspace *workspace;
  GapAnalysis  *analysis;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (FIXTURE_DAY);

  fixture->dir = g_dir_make_tmp ("gap-oscal-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.ismsgap", NULL);
  file = g_file_new_for_path (path);
  fixture->workspace = gap_workspace_create_demo (file, &error);
  g_assert_no_error (error);
  fixture->analysis = gap_analysis_new (fixture->workspace);
  gap_analysis_set_today (fixture->analysis, today);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->analysis);
  if (fixture->workspace != NULL)
    gap_workspace_close (fixture->workspace);
  g_clear_object (&fixture->workspace);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Exports @analysis into @subdir of the fixture's folder; returns the
 * SSP's path. */
static char *
export_analysis (Fixture           *fixture,
                 GapAnalysis       *analysis,
                 GapExportLanguage  lang,
                 const char        *subdir,
                 const char        *name)
{
  g_autofree char *dir = g_build_filename (fixture->dir, subdir, NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (gap_export_to_file (analysis, GAP_EXPORT_FORMAT_OSCAL, GAP_REPORT_SOA,
                                     lang, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
export_oscal (Fixture           *fixture,
              GapExportLanguage  lang,
              const char        *subdir,
              const char        *name)
{
  return export_analysis (fixture, fixture->analysis, lang, subdir, name);
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  if (!json_object_has_member (object, name))
    return NULL;
  return json_object_get_array_member (object, name);
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

/* Every "uuid" member defines one: none twice in a document. */
static void
collect_uuids (JsonNode   *node,
               GHashTable *uuids)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_uuids (json_array_get_element (array, i), uuids);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (strcmp (l->data, "uuid") == 0)
            {
              const char *uuid = json_node_get_string (child);

              g_assert_nonnull (uuid);
              /* Version 5, RFC 4122 variant. */
              g_assert_cmpint (strlen (uuid), ==, 36);
              g_assert_cmpint (uuid[14], ==, '5');
              g_assert_true (strchr ("89ab", uuid[19]) != NULL);
              if (g_hash_table_contains (uuids, uuid))
                g_error ("uuid %s is defined twice", uuid);
              g_hash_table_add (uuids, g_strdup (uuid));
            }
          else
            collect_uuids (child, uuids);
        }
    }
}

static GHashTable *
document_uuids (JsonNode *root)
{
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_uuids (root, uuids);
  return uuids;
}

static void
collect_catalog_controls (JsonObject *node,
                          GHashTable *ids)
{
  JsonArray *groups = member_array (node, "groups");
  JsonArray *controls = member_array (node, "controls");

  for (guint i = 0; i < array_length (groups); i++)
    collect_catalog_controls (json_array_get_object_element (groups, i), ids);
  for (guint i = 0; i < array_length (controls); i++)
    {
      JsonObject *control = json_array_get_object_element (controls, i);

      g_hash_table_add (ids, g_strdup (json_object_get_string_member (control, "id")));
      collect_catalog_controls (control, ids);
    }
}

static const char *
prop_value (JsonObject *object,
            const char *name)
{
  JsonArray *props = member_array (object, "props");

  for (guint i = 0; i < array_length (props); i++)
    {
      JsonObject *prop = json_array_get_object_element (props, i);

      if (strcmp (json_object_get_string_member (prop, "name"), name) == 0)
        return json_object_get_string_member (prop, "value");
    }
  return NULL;
}

static char *
sibling_path (const char *ssp_path,
              const char *href)
{
  g_autofree char *dir = g_path_get_dirname (ssp_path);
  g_autofree char *name = g_uri_unescape_string (href, NULL);

  g_assert_nonnull (name);
  g_assert_null (strchr (name, '/'));
  return g_build_filename (dir, name, NULL);
}

static const char *
expected_state (GapStatus status)
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

/* The SSP against the workspace it came from, and the three files against
 * each other. */
static void
check_structure (Fixture    *fixture,
                 const char *ssp_path,
                 const char *lang)
{
  g_autoptr(JsonNode) ssp_root = load_json (ssp_path);
  g_autoptr(JsonNode) profile_root = NULL;
  g_autoptr(JsonNode) catalog_root = NULL;
  g_autoptr(GHashTable) catalog_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) components = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) leveraged = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) requirements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ssp_uuids = NULL;
  g_autoptr(GHashTable) profile_uuids = NULL;
  g_autoptr(GHashTable) catalog_uuids = NULL;
  g_autofree char *profile_path = NULL;
  g_autofree char *catalog_path = NULL;
  JsonObject *ssp, *profile, *catalog, *implementation, *import;
  JsonArray *array;
  GListModel *assessments = gap_workspace_get_assessments (fixture->workspace);
  GapCatalog *gap_catalog = gap_workspace_get_catalog (fixture->workspace);
  guint n_annex = 0, n_inherited = 0, n_leveraged_props = 0;

  ssp = member_object (json_node_get_object (ssp_root), "system-security-plan");
  g_assert_cmpstr (json_object_get_string_member (member_object (ssp, "metadata"),
                                                  "oscal-version"), ==, "1.1.2");

  /* import-profile → profile → catalog, all relative siblings. */
  profile_path = sibling_path (ssp_path, json_object_get_string_member (
                                 member_object (ssp, "import-profile"), "href"));
  g_assert_true (g_file_test (profile_path, G_FILE_TEST_IS_REGULAR));
  profile_root = load_json (profile_path);
  profile = member_object (json_node_get_object (profile_root), "profile");
  array = member_array (profile, "imports");
  g_assert_cmpuint (array_length (array), ==, 1);
  import = json_array_get_object_element (array, 0);
  g_assert_true (json_object_has_member (import, "include-all"));
  catalog_path = sibling_path (ssp_path, json_object_get_string_member (import, "href"));
  g_assert_true (g_file_test (catalog_path, G_FILE_TEST_IS_REGULAR));
  catalog_root = load_json (catalog_path);
  catalog = member_object (json_node_get_object (catalog_root), "catalog");
  collect_catalog_controls (catalog, catalog_ids);

  ssp_uuids = document_uuids (ssp_root);
  profile_uuids = document_uuids (profile_root);
  catalog_uuids = document_uuids (catalog_root);

  /* The catalog is Annex A of the edition, titled in the export's language. */
  {
    GapEdition edition = gap_workspace_get_edition (fixture->workspace);
    GListModel *controls = gap_catalog_get_controls (gap_catalog, edition);
    guint n_controls = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
      {
        g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
        g_autofree char *id = NULL;

        if (gap_control_get_kind (control) != GAP_CONTROL_KIND_ANNEX)
          continue;
        n_controls++;
        id = _gap_oscal_control_id (gap_control_get_id (control));
        g_assert_true (g_hash_table_contains (catalog_ids, id));
      }
    g_assert_cmpuint (g_hash_table_size (catalog_ids), ==, n_controls);
  }

  implementation = member_object (ssp, "system-implementation");
  array = member_array (implementation, "components");
  for (guint i = 0; i < array_length (array); i++)
    {
      JsonObject *component = json_array_get_object_element (array, i);

      g_hash_table_insert (components,
                           (gpointer) json_object_get_string_member (component, "uuid"), component);
    }
  array = member_array (implementation, "leveraged-authorizations");
  for (guint i = 0; i < array_length (array); i++)
    {
      JsonObject *authorization = json_array_get_object_element (array, i);

      g_hash_table_add (leveraged,
                        (gpointer) json_object_get_string_member (authorization, "uuid"));
    }
  g_assert_cmpuint (g_hash_table_size (leveraged), >, 0);

  /* Every leveraged-authorization-uuid resolves. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, components);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        JsonArray *props = member_array (value, "props");

        for (guint i = 0; i < array_length (props); i++)
          {
            JsonObject *prop = json_array_get_object_element (props, i);

            if (strcmp (json_object_get_string_member (prop, "name"),
                        "leveraged-authorization-uuid") != 0)
              continue;
            n_leveraged_props++;
            g_assert_true (g_hash_table_contains (leveraged,
                                                  json_object_get_string_member (prop, "value")));
          }
      }
    g_assert_cmpuint (n_leveraged_props, >=, g_hash_table_size (leveraged));
  }

  array = member_array (member_object (ssp, "control-implementation"), "implemented-requirements");
  for (guint i = 0; i < array_length (array); i++)
    {
      JsonObject *requirement = json_array_get_object_element (array, i);
      const char *control_id = json_object_get_string_member (requirement, "control-id");

      g_assert_true (g_hash_table_contains (catalog_ids, control_id));
      g_assert_false (g_hash_table_contains (requirements, control_id));
      g_hash_table_insert (requirements, (gpointer) control_id, requirement);
    }

  /* One requirement per Annex A control, and what each says. */
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      GapControl *control = gap_assessment_get_control (assessment);
      g_autofree char *id = NULL;
      JsonObject *requirement, *this_system = NULL;
      JsonArray *by_components;
      gboolean applicable, inherited_control;
      guint inherited = 0, services_named = 0;

      if (gap_control_get_kind (control) != GAP_CONTROL_KIND_ANNEX)
        continue;
      n_annex++;
      id = _gap_oscal_control_id (gap_control_get_id (control));
      requirement = g_hash_table_lookup (requirements, id);
      g_assert_nonnull (requirement);
      g_assert_cmpstr (prop_value (requirement, "verdict"), ==,
                       gap_verdict_to_string (gap_analysis_get_verdict (fixture->analysis,
                                                                        assessment)));

      applicable = gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_APPLICABLE;
      inherited_control = applicable &&
                          gap_assessment_get_responsibility (assessment) ==
                          GAP_RESPONSIBILITY_INHERITED;

      by_components = member_array (requirement, "by-components");
      g_assert_cmpuint (array_length (by_components), >=, 1);
      for (guint j = 0; j < array_length (by_components); j++)
        {
          JsonObject *by_component = json_array_get_object_element (by_components, j);
          JsonObject *component = g_hash_table_lookup (
            components, json_object_get_string_member (by_component, "component-uuid"));

          g_assert_nonnull (component);
          if (strcmp (json_object_get_string_member (component, "type"), "this-system") == 0)
            this_system = by_component;
          else
            services_named++;
          inherited += array_length (member_array (by_component, "inherited"));
        }
      g_assert_nonnull (this_system);

      if (!applicable)
        {
          JsonObject *status = member_object (this_system, "implementation-status");

          g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "not-applicable");
          g_assert_true (json_object_has_member (status, "remarks"));
          g_assert_true (json_object_has_member (requirement, "remarks"));
          if (*gap_assessment_get_justification (assessment) != '\0')
            {
              g_autofree char *justification = _gap_oscal_markdown (
                gap_assessment_get_justification (assessment), FALSE);

              g_assert_cmpstr (json_object_get_string_member (status, "remarks"), ==,
                               justification);
            }
          g_assert_cmpuint (services_named, ==, 0);
        }
      else
        {
          const char *state = expected_state (gap_assessment_get_status (assessment));

          if (state != NULL)
            g_assert_cmpstr (json_object_get_string_member (
                               member_object (this_system, "implementation-status"), "state"),
                             ==, state);
          else
            g_assert_false (json_object_has_member (this_system, "implementation-status"));
          if (gap_assessment_get_responsibility (assessment) == GAP_RESPONSIBILITY_ORGANIZATION)
            g_assert_cmpuint (services_named, ==, 0);
          else
            g_assert_cmpuint (services_named, ==,
                              g_strv_length ((char **) gap_assessment_get_services (assessment)));
        }

      /* Inherited statements exactly for inherited controls, one per
       * providing service. */
      if (inherited_control)
        {
          /* An inherited control that names no service has nothing to
           * inherit from (its verdict is gap). */
          g_assert_cmpuint (inherited, ==, services_named);
          if (inherited > 0)
            n_inherited++;
        }
      else
        g_assert_cmpuint (inherited, ==, 0);
    }
  g_assert_cmpuint (g_hash_table_size (requirements), ==, n_annex);
  /* The demo has inherited controls: the check above is not vacuous. */
  g_assert_cmpuint (n_inherited, >, 0);

  /* Titles come in the export's language. */
  {
    JsonArray *groups = member_array (catalog, "groups");
    JsonObject *group = json_array_get_object_element (groups, 0);
    JsonObject *first = json_array_get_object_element (member_array (group, "controls"), 0);
    GapEdition edition = gap_workspace_get_edition (fixture->workspace);
    GListModel *controls = gap_catalog_get_controls (gap_catalog, edition);
    g_autoptr(GapControl) control = NULL;
    const char *title = json_object_get_string_member (first, "title");

    /* The first Annex A control of the catalog. */
    for (guint i = 0; control == NULL; i++)
      {
        g_autoptr(GapControl) candidate = g_list_model_get_item (controls, i);

        g_assert_nonnull (candidate);
        if (gap_control_get_kind (candidate) == GAP_CONTROL_KIND_ANNEX)
          control = g_steal_pointer (&candidate);
      }

    if (strcmp (lang, "both") == 0)
      {
        g_assert_nonnull (strstr (title, gap_control_get_title (control, "zh_TW")));
        g_assert_nonnull (strstr (title, gap_control_get_title (control, "en")));
      }
    else
      g_assert_cmpstr (title, ==, gap_control_get_title (control, lang));
  }
}

static const char *lang_names[] = { "zh_TW", "en", "both" };

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  GapExportLanguage lang = GPOINTER_TO_UINT (data);
  g_autofree char *path = export_oscal (fixture, lang, "out", "plan.json");
  g_autofree char *catalog = g_build_filename (fixture->dir, "out", "plan-catalog.json", NULL);
  g_autofree char *profile = g_build_filename (fixture->dir, "out", "plan-profile.json", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (profile, G_FILE_TEST_IS_REGULAR));
  check_structure (fixture, path, lang_names[lang]);

  /* Nothing else was left in the folder (no temporary files). */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);
}

/* Both sets hold the same UUIDs. */
static void
assert_same_uuids (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      g_error ("uuid %s is in one export only", (const char *) key);
}

/* The SSP's UUIDs of @path. */
static GHashTable *
ssp_uuids (const char *path)
{
  g_autoptr(JsonNode) root = load_json (path);

  return document_uuids (root);
}

/* The workspace's lossless JSON, with or without its "uuid" member, as a
 * new workspace @name in the fixture's folder, analysed on the fixture's
 * day. */
static GapAnalysis *
import_copy (Fixture    *fixture,
             const char *name,
             gboolean    keep_uuid)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GapWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (FIXTURE_DAY);
  GapAnalysis *analysis;
  JsonObject *root;
  char *data;
  gsize length;

  g_assert_true (gap_workspace_write_json (fixture->workspace, stream, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  written = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  json_parser_load_from_data (parser, g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "uuid"), ==,
                   gap_workspace_get_uuid (fixture->workspace));
  if (!keep_uuid)
    json_object_remove_member (root, "uuid");
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  json = g_bytes_new_take (data, length);

  copy = gap_workspace_import_json (json, file, &error);
  g_assert_no_error (error);
  analysis = gap_analysis_new (copy);
  gap_analysis_set_today (analysis, today);
  return analysis;
}

/* UUIDs belong to the workspace (docs/oscal.md, "Identifiers"): the same
 * workspace gives the same files, in every language and under any
 * organization name, and so does its lossless JSON imported again; another
 * workspace with the very same content gives other UUIDs. */
static void
test_stable (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = export_oscal (fixture, GAP_EXPORT_LANGUAGE_EN, "one", "plan.json");
  g_autofree char *second = export_oscal (fixture, GAP_EXPORT_LANGUAGE_EN, "two", "plan.json");
  g_autofree char *zh = export_oscal (fixture, GAP_EXPORT_LANGUAGE_ZH_TW, "zh", "plan.json");
  g_autofree char *renamed = NULL;
  g_autofree char *same_path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GHashTable) en_uuids = NULL;
  g_autoptr(GHashTable) zh_uuids = NULL;
  g_autoptr(GHashTable) renamed_uuids = NULL;
  g_autoptr(GHashTable) same_uuids = NULL;
  g_autoptr(GHashTable) other_uuids = NULL;
  g_autoptr(GapAnalysis) same = NULL;
  g_autoptr(GapAnalysis) other = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  /* The language changes words, not identities. */
  en_uuids = ssp_uuids (first);
  zh_uuids = ssp_uuids (zh);
  assert_same_uuids (en_uuids, zh_uuids);

  /* Its lossless JSON carries the identity: imported again, the same. */
  same = import_copy (fixture, "same.ismsgap", TRUE);
  same_path = export_analysis (fixture, same, GAP_EXPORT_LANGUAGE_EN, "same", "plan.json");
  same_uuids = ssp_uuids (same_path);
  assert_same_uuids (en_uuids, same_uuids);

  /* The same content under another identity: not one UUID in common. */
  other = import_copy (fixture, "other.ismsgap", FALSE);
  g_assert_cmpstr (gap_workspace_get_uuid (gap_analysis_get_workspace (other)), !=,
                   gap_workspace_get_uuid (fixture->workspace));
  other_path = export_analysis (fixture, other, GAP_EXPORT_LANGUAGE_EN, "other", "plan.json");
  other_uuids = ssp_uuids (other_path);
  g_assert_cmpuint (g_hash_table_size (other_uuids), ==, g_hash_table_size (en_uuids));
  g_hash_table_iter_init (&iter, other_uuids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_false (g_hash_table_contains (en_uuids, key));

  /* Renaming the organization changes words, not identities. */
  gap_workspace_set_scope_field (fixture->workspace, GAP_SCOPE_FIELD_ORGANIZATION,
                                 "Another Organization", &error);
  g_assert_no_error (error);
  renamed = export_oscal (fixture, GAP_EXPORT_LANGUAGE_EN, "renamed", "plan.json");
  renamed_uuids = ssp_uuids (renamed);
  assert_same_uuids (en_uuids, renamed_uuids);

  gap_workspace_close (gap_analysis_get_workspace (same));
  gap_workspace_close (gap_analysis_get_workspace (other));
}

/* Hostile text in every field the SSP carries stays inert text. */
static void
put_injection (Fixture *fixture)
{
  GapWorkspace *workspace = fixture->workspace;
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  g_autoptr(GError) error = NULL;

  gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION, INJECTION_NAME, &error);
  g_assert_no_error (error);
  gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_STATEMENT, INJECTION_NAME, &error);
  g_assert_no_error (error);
  gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSOR, " \u3000" INJECTION_NAME "\n",
                                 &error);
  g_assert_no_error (error);
  gap_workspace_add_scope_item (workspace, GAP_SCOPE_KIND_ASSET_GROUP, INJECTION_NAME,
                                "1. # heading\n> quote\n    code", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);

      if (gap_control_get_kind (gap_assessment_get_control (assessment)) != GAP_CONTROL_KIND_ANNEX)
        continue;
      gap_workspace_set_assessment_string (workspace, assessment, GAP_FIELD_EVIDENCE,
                                           INJECTION_NAME, &error);
      g_assert_no_error (error);
      gap_workspace_set_assessment_string (workspace, assessment, GAP_FIELD_NOTES,
                                           INJECTION_NAME, &error);
      g_assert_no_error (error);
      gap_workspace_set_assessment_string (workspace, assessment, GAP_FIELD_OWNER,
                                           "\n" INJECTION_NAME, &error);
      g_assert_no_error (error);
      if (gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE)
        {
          gap_workspace_set_assessment_string (workspace, assessment, GAP_FIELD_JUSTIFICATION,
                                               INJECTION_NAME, &error);
          g_assert_no_error (error);
        }
    }
}

/* Markdown members (title, description, remarks) must not carry live
 * HTML, links or parameter insertions; returns how many held the text. */
static guint
check_markup (JsonNode *node,
              gboolean  markup)
{
  guint n = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += check_markup (json_array_get_element (array, i), markup);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        n += check_markup (json_object_get_member (object, l->data),
                           g_strv_contains ((const char * const[]) { "title", "description",
                                                                     "remarks", NULL },
                                            l->data));
    }
  else if (markup && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (strstr (text, "HYPERLINK") == NULL)
        return 0;
      g_assert_null (strstr (text, "<script>"));
      g_assert_null (strstr (text, "{{"));
      g_assert_null (strstr (text, " [link]"));
      g_assert_nonnull (strstr (text, "\\[link\\](http"));
      g_assert_nonnull (strstr (text, "\\<script\\>"));
      n++;
    }
  return n;
}

static void
test_injection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *metadata, *party;

  put_injection (fixture);
  path = export_oscal (fixture, GAP_EXPORT_LANGUAGE_BOTH, "out", "plan.json");
  check_structure (fixture, path, "both");

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  root = load_json (path);
  g_assert_cmpuint (check_markup (root, FALSE), >, 0);

  /* The party's name keeps the text, on one line, trimmed. */
  metadata = member_object (member_object (json_node_get_object (root), "system-security-plan"),
                            "metadata");
  party = json_array_get_object_element (member_array (metadata, "parties"), 0);
  g_assert_cmpstr (json_object_get_string_member (party, "name"), ==,
                   "=HYPERLINK(\"http://x\",\"y\") <script>alert(1)</script> \"q\" 'q' "
                   "line two \u202Eevil [link](http://x) {{ insert: param, p }}");
}

static void
test_markdown (void)
{
  g_autofree char *a = _gap_oscal_markdown ("a *b* _c_ `d` [e](f) <g> & {{ h }} \\ |", TRUE);
  g_autofree char *b = _gap_oscal_markdown ("# title\n- item\n1. first\n> quote\n    code\nplain",
                                            FALSE);
  g_autofree char *c = _gap_oscal_markdown ("one\ntwo\u2028three", TRUE);
  g_autofree char *d = _gap_oscal_clean_string ("  \u3000a\n\tb \ufeff");
  g_autofree char *e = _gap_oscal_clean_string (" \n\u3000 ");
  /* Each byte that is not UTF-8 becomes U+FFFD, as g_utf8_make_valid() does. */
  g_autofree char *f = _gap_oscal_markdown ("\xff" "a\xe4\xb8" "b* \xc3", TRUE);
  g_autofree char *g = _gap_oscal_markdown ("\xed\xa0\x80\n# x", FALSE);

  g_assert_cmpstr (a, ==,
                   "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\& \\{\\{ h \\}\\} \\\\ \\|");
  g_assert_cmpstr (b, ==, "\\# title\n\\- item\n1\\. first\n\\> quote\ncode\nplain");
  g_assert_cmpstr (c, ==, "one two three");
  g_assert_cmpstr (d, ==, "a b");
  g_assert_null (e);
  g_assert_cmpstr (f, ==, "\ufffd" "a\ufffd\ufffd" "b\\* \ufffd");
  g_assert_cmpstr (g, ==, "\ufffd\ufffd\ufffd\n\\# x");
}

/* Text that needs nothing is given back as it is (a fast path); text that
 * differs from it by one character at either end, or by one character
 * inside, still goes through every rule. */
static void
test_markdown_edges (void)
{
  static const struct { const char *text; const char *line; const char *clean; } cases[] = {
    { "資訊安全 policy (v2)", "資訊安全 policy (v2)", "資訊安全 policy (v2)" },
    { "Plain words, 3.5 and 4)", "Plain words, 3.5 and 4)", "Plain words, 3.5 and 4)" },
    { " lead", "lead", "lead" },
    { "\tlead", "lead", "lead" },
    { "trail ", "trail", "trail" },
    { "-dash", "\\-dash", "-dash" },
    { ":colon", "\\:colon", ":colon" },
    { "12. list", "12\\. list", "12. list" },
    { "12 apples", "12 apples", "12 apples" },
    { "a  b", "a  b", "a b" },
    { "a\x7f" "b", "ab", "a b" },
    { "a\xc2\x85" "b", "ab", "a b" },
    { "a\xe2\x80\xa8" "b", "a b", "a b" },
    { "a\rb", "ab", "a b" },
    { "a_b", "a\\_b", "a_b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = _gap_oscal_markdown (cases[i].text, TRUE);
      g_autofree char *clean = _gap_oscal_clean_string (cases[i].text);

      g_assert_cmpstr (line, ==, cases[i].line);
      g_assert_cmpstr (clean, ==, cases[i].clean);
    }
}

static void
test_uuid (void)
{
  /* RFC 4122's DNS namespace; Python's uuid.uuid5(NAMESPACE_DNS, "python.org"). */
  static const guint8 dns[16] = {
    0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
  };
  guint8 uuid[16];
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  _gap_oscal_uuid_v5 (dns, "python.org", uuid);
  text = _gap_oscal_uuid_to_string (uuid);
  g_assert_cmpstr (text, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");

  a = _gap_oscal_control_id ("5.23");
  b = _gap_oscal_control_id ("A.9.2.1");
  g_assert_cmpstr (a, ==, "a.5.23");
  g_assert_cmpstr (b, ==, "a.9.2.1");
}

/* A failed export leaves no file at all, not even one of the three. */
static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "plan.json", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) here = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (gap_export_to_file (fixture->analysis, GAP_EXPORT_FORMAT_OSCAL, GAP_REPORT_SOA,
                                      GAP_EXPORT_LANGUAGE_EN, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plan"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (gap_export_to_file (fixture->analysis, GAP_EXPORT_FORMAT_OSCAL, GAP_REPORT_SOA,
                                      GAP_EXPORT_LANGUAGE_EN, here, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "demo.ismsgap"));
}

/* The plan failing as the last file is renamed (here: its name is taken
 * by a folder) takes back the catalog and profile only where there were
 * none: an earlier plan beside them must still find its catalog and
 * profile, and a new set is whole or absent. */
static void
test_failure_at_commit (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const siblings[] = { "plan-catalog.json", "plan-profile.json" };
  g_autofree char *earlier = export_oscal (fixture, GAP_EXPORT_LANGUAGE_EN, "earlier",
                                           "plan.json");
  g_autofree char *fresh_dir = g_build_filename (fixture->dir, "fresh", NULL);
  g_autofree char *fresh = g_build_filename (fresh_dir, "plan.json", NULL);

  g_assert_cmpint (g_unlink (earlier), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (earlier, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fresh, 0700), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? earlier : fresh);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GError) error = NULL;

      g_assert_false (gap_export_to_file (fixture->analysis, GAP_EXPORT_FORMAT_OSCAL,
                                          GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_EN, file, NULL,
                                          &error));
      g_assert_nonnull (error);
      for (guint j = 0; j < G_N_ELEMENTS (siblings); j++)
        {
          g_autoptr(GFile) sibling = g_file_get_child (parent, siblings[j]);

          /* Kept beside the earlier plan, absent beside none. */
          g_assert_cmpint (g_file_query_exists (sibling, NULL), ==, i == 0);
        }
    }
}

/* ---- NIST's schemas, through node ---- */

static char *
validator_dir (void)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "export", "oscal", NULL);
}

/* npm ci once per build tree; FALSE (and the case skipped) without node. */
static gboolean
ensure_validator (void)
{
  static int ready = -1;
  g_autofree char *dir = validator_dir ();
  g_autofree char *ajv = g_build_filename (dir, "node_modules", "ajv", "package.json", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *npm = g_find_program_in_path ("npm");

  if (ready >= 0)
    return ready;
  ready = 0;
  if (node == NULL)
    {
      g_test_skip ("node is not installed: the OSCAL schemas are not checked");
      return FALSE;
    }
  if (!g_file_test (ajv, G_FILE_TEST_EXISTS))
    {
      /* From npm's cache when it can; the lock file pins every version. */
      const char *argv[] = { npm, "ci", "--prefix", dir, "--prefer-offline", "--no-audit",
                             "--no-fund", "--loglevel=error", NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (npm == NULL)
        {
          g_test_skip ("npm is not installed: the OSCAL schemas are not checked");
          return FALSE;
        }
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        {
          /* No registry and no cache: the structure checks still ran. */
          g_autofree char *reason = g_strdup_printf ("npm ci failed, the OSCAL schemas are not "
                                                     "checked: %s", err);

          g_test_skip (reason);
          return FALSE;
        }
    }
  ready = 1;
  return TRUE;
}

static void
validate_with_schemas (const char *ssp_path)
{
  g_autofree char *dir = validator_dir ();
  g_autofree char *script = g_build_filename (dir, "validate.mjs", NULL);
  g_autofree char *schemas = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "export",
                                               "oscal-schemas", NULL);
  const char *argv[] = { "node", script, schemas, ssp_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate:\n%s", ssp_path, err);
  g_test_message ("%s", out);
}

static void
test_schemas (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *both = NULL;
  g_autofree char *hostile = NULL;

  if (!ensure_validator ())
    return;

  zh = export_oscal (fixture, GAP_EXPORT_LANGUAGE_ZH_TW, "zh", "計畫 plan.json");
  validate_with_schemas (zh);
  en = export_oscal (fixture, GAP_EXPORT_LANGUAGE_EN, "en", "plan.json");
  validate_with_schemas (en);
  both = export_oscal (fixture, GAP_EXPORT_LANGUAGE_BOTH, "both", "plan");
  validate_with_schemas (both);

  put_injection (fixture);
  hostile = export_oscal (fixture, GAP_EXPORT_LANGUAGE_BOTH, "hostile", "plan.json");
  validate_with_schemas (hostile);
}

static void
test_schemas_2013 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ssp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GapAnalysis) analysis = NULL;

  if (!ensure_validator ())
    return;

  /* A fresh 2013 workspace: domains, objectives and no services in use. */
  dir = g_dir_make_tmp ("gap-oscal-2013-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "legacy.ismsgap", NULL);
  file = g_file_new_for_path (path);
  workspace = gap_workspace_create (file, GAP_EDITION_2013, "", &error);
  g_assert_no_error (error);
  analysis = gap_analysis_new (workspace);
  ssp = g_build_filename (dir, "legacy.json", NULL);
  dest = g_file_new_for_path (ssp);
  g_assert_true (gap_export_to_file (analysis, GAP_EXPORT_FORMAT_OSCAL, GAP_REPORT_SOA,
                                     GAP_EXPORT_LANGUAGE_EN, dest, NULL, &error));
  g_assert_no_error (error);
  validate_with_schemas (ssp);

  gap_workspace_close (workspace);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/oscal/uuid", test_uuid);
  g_test_add_func ("/export/oscal/markdown", test_markdown);
  g_test_add_func ("/export/oscal/markdown-edges", test_markdown_edges);
  g_test_add ("/export/oscal/demo/zh_TW", Fixture, GUINT_TO_POINTER (GAP_EXPORT_LANGUAGE_ZH_TW),
              fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/export/oscal/demo/en", Fixture, GUINT_TO_POINTER (GAP_EXPORT_LANGUAGE_EN),
              fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/export/oscal/demo/both", Fixture, GUINT_TO_POINTER (GAP_EXPORT_LANGUAGE_BOTH),
              fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/export/oscal/stable", Fixture, NULL, fixture_set_up, test_stable,
              fixture_tear_down);
  g_test_add ("/export/oscal/injection", Fixture, NULL, fixture_set_up, test_injection,
              fixture_tear_down);
  g_test_add ("/export/oscal/failure", Fixture, NULL, fixture_set_up, test_failure,
              fixture_tear_down);
  g_test_add ("/export/oscal/failure-at-commit", Fixture, NULL, fixture_set_up,
              test_failure_at_commit, fixture_tear_down);
  g_test_add ("/export/oscal/schemas", Fixture, NULL, fixture_set_up, test_schemas,
              fixture_tear_down);
  g_test_add_func ("/export/oscal/schemas-2013", test_schemas_2013);

  return g_test_run ();
}
