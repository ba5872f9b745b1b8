/* test-json.c — the JSON form: lossless round trips, hostile input, the demo
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core-test-util.h"
#include "gap-json-private.h"
#include "gap-staging-private.h"

/* data/demo/demo.json's: every demo is the same fictional organization's
 * same assessment, so every demo is one workspace (docs/json-format.md). */
#define DEMO_UUID "d8da4287-0207-46da-9291-6522c3af432e"

static GapWorkspace *
import_into (const char  *dir,
             const char  *name,
             GBytes      *json,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gap_workspace_import_json (json, file, error);
}

static GapWorkspace *
demo_on (const char  *dir,
         const char  *name,
         const char  *today)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GapWorkspace *workspace;
  GDate date;

  core_date_set (&date, today);
  workspace = _gap_workspace_create_demo_for (file, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

/* Export, import, export: the same bytes, and the same workspace field by
 * field. */
static void
assert_round_trip (const char   *dir,
                   GapWorkspace *original)
{
  g_autoptr(GBytes) first = _gap_workspace_to_json_bytes (original);
  g_autoptr(GBytes) again = _gap_workspace_to_json_bytes (original);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GapWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_original = core_workspace_dump (original);
  g_autofree char *dump_copy = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) streamed = NULL;

  g_assert_true (g_bytes_equal (first, again));

  gap_workspace_write_json (original, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_true (g_bytes_equal (first, streamed));

  copy = import_into (dir, "copy.ismsgap", first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  second = _gap_workspace_to_json_bytes (copy);
  if (!g_bytes_equal (first, second))
    {
      g_test_message ("first:\n%.*s", (int) g_bytes_get_size (first),
                      (const char *) g_bytes_get_data (first, NULL));
      g_test_message ("second:\n%.*s", (int) g_bytes_get_size (second),
                      (const char *) g_bytes_get_data (second, NULL));
      g_test_fail ();
    }

  dump_copy = core_workspace_dump (copy);
  g_assert_cmpstr (dump_original, ==, dump_copy);

  gap_workspace_close (copy);
}

static void
test_round_trip_demo (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GapWorkspace) demo = demo_on (dir, "demo.ismsgap", "2026-06-15");
  g_autoptr(GBytes) json = _gap_workspace_to_json_bytes (demo);
  const char *text = g_bytes_get_data (json, NULL);

  /* Fixed order and indentation. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"isms-gap-workspace\",\n"
                                         "  \"version\" : 2,\n  \"edition\" : \"2022\",\n"
                                         "  \"uuid\" : \"" DEMO_UUID "\",\n"
                                         "  \"scope\" : {\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));

  assert_round_trip (dir, demo);
  gap_workspace_close (demo);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static void
set_string (GapWorkspace       *workspace,
            const char         *id,
            GapAssessmentField  field,
            const char         *value)
{
  g_autoptr(GError) error = NULL;

  gap_workspace_set_assessment_string (workspace, gap_workspace_lookup_assessment (workspace, id),
                                       field, value, &error);
  g_assert_no_error (error);
}

static void
set_enum (GapWorkspace       *workspace,
          const char         *id,
          GapAssessmentField  field,
          int                 value)
{
  g_autoptr(GError) error = NULL;

  gap_workspace_set_assessment_enum (workspace, gap_workspace_lookup_assessment (workspace, id),
                                     field, value, &error);
  g_assert_no_error (error);
}

/* Every field, awkward text, and custom providers whose IDs have a hole. */
static void
test_round_trip_every_field (gconstpointer data)
{
  GapEdition edition = GPOINTER_TO_INT (data);
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GapWorkspace) w = core_workspace_new (dir, "every.ismsgap", edition);
  g_autoptr(GError) error = NULL;
  const char *awkward = "quote \" backslash \\ slash / newline\n tab\t bell\x07 "
                        "U+2028\u2028 emoji 😀 CJK 資訊安全 brackets [[[{{{";
  const char *annex = edition == GAP_EDITION_2022 ? "A.8.24" : "A.10.1.1";
  const char *annex2 = edition == GAP_EDITION_2022 ? "A.5.23" : "A.15.1.1";
  GapServiceRecord *first, *second, *third;
  const char *services[4] = { NULL };
  GDate today;

  core_date_set (&today, "2026-06-15");
  core_setup_services (w, &today);

  gap_workspace_set_scope_field (w, GAP_SCOPE_FIELD_STATEMENT, awkward, &error);
  g_assert_no_error (error);
  gap_workspace_set_scope_field (w, GAP_SCOPE_FIELD_ASSESSOR, "評估人員", &error);
  g_assert_no_error (error);
  gap_workspace_set_scope_field (w, GAP_SCOPE_FIELD_ASSESSMENT_DATE, "2026-06-15", &error);
  g_assert_no_error (error);
  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("item %u", kind);

      gap_workspace_add_scope_item (w, kind, name, kind % 2 ? awkward : "", &error);
      g_assert_no_error (error);
      gap_workspace_add_scope_item (w, kind, "second", "detail", &error);
      g_assert_no_error (error);
    }

  first = gap_workspace_add_custom_provider (w, "First", GAP_SERVICE_MODEL_IAAS, &error);
  g_assert_no_error (error);
  second = gap_workspace_add_custom_provider (w, "Second", GAP_SERVICE_MODEL_NONE, &error);
  g_assert_no_error (error);
  third = gap_workspace_add_custom_provider (w, "Third 第三", GAP_SERVICE_MODEL_SAAS |
                                             GAP_SERVICE_MODEL_PROFESSIONAL, &error);
  g_assert_no_error (error);
  gap_workspace_remove_custom_provider (w, first, &error);
  g_assert_no_error (error);
  gap_workspace_set_service_in_use (w, second, FALSE, &error);
  g_assert_no_error (error);
  gap_workspace_set_certificate_field (w,
                                       gap_workspace_lookup_certificate (w, gap_service_record_get_family_ids (third)[0]),
                                       GAP_CERTIFICATE_FIELD_NOTES, awkward, &error);
  g_assert_no_error (error);
  gap_workspace_set_certificate_field (w, gap_workspace_lookup_certificate (w, "office-365"),
                                       GAP_CERTIFICATE_FIELD_REFERENCE, "IS 123456", &error);
  g_assert_no_error (error);
  gap_workspace_set_certificate_field (w, gap_workspace_lookup_certificate (w, "office-365"),
                                       GAP_CERTIFICATE_FIELD_ISSUER, "BSI", &error);
  g_assert_no_error (error);

  set_enum (w, annex, GAP_FIELD_APPLICABILITY, GAP_APPLICABILITY_NOT_APPLICABLE);
  set_string (w, annex, GAP_FIELD_JUSTIFICATION, awkward);
  set_enum (w, annex, GAP_FIELD_REASONS, GAP_REASON_LEGAL | GAP_REASON_BEST_PRACTICE);
  set_enum (w, annex, GAP_FIELD_RESPONSIBILITY, GAP_RESPONSIBILITY_INHERITED);
  services[0] = gap_service_record_get_id (third);
  services[1] = CORE_STALE;
  services[2] = gap_service_record_get_id (second);
  gap_workspace_set_assessment_services (w, gap_workspace_lookup_assessment (w, annex), services, &error);
  g_assert_no_error (error);
  set_enum (w, annex, GAP_FIELD_STATUS, GAP_STATUS_ALTERNATIVE);
  set_string (w, annex, GAP_FIELD_OWNER, awkward);
  set_string (w, annex, GAP_FIELD_DUE_DATE, "2027-02-28");
  set_enum (w, annex, GAP_FIELD_PRIORITY, GAP_PRIORITY_CRITICAL);
  set_string (w, annex, GAP_FIELD_EVIDENCE, awkward);
  set_string (w, annex, GAP_FIELD_NOTES, awkward);
  set_enum (w, annex, GAP_FIELD_NEEDS_REVIEW, TRUE);

  set_enum (w, annex2, GAP_FIELD_RESPONSIBILITY, GAP_RESPONSIBILITY_SHARED);
  set_enum (w, annex2, GAP_FIELD_STATUS, GAP_STATUS_PLANNED);
  set_enum (w, annex2, GAP_FIELD_REASONS, 31);
  set_enum (w, "4.1", GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED);
  set_string (w, "4.1", GAP_FIELD_EVIDENCE, "Context analysis");
  set_enum (w, "4.2", GAP_FIELD_PRIORITY, GAP_PRIORITY_LOW);

  assert_round_trip (dir, w);

  /* The hole is closed: custom-2 and custom-3 are written custom-1 and
   * custom-2, and the references follow. */
  {
    g_autoptr(GBytes) json = _gap_workspace_to_json_bytes (w);
    const char *text = g_bytes_get_data (json, NULL);

    g_assert_nonnull (strstr (text, "\"id\" : \"custom-1\",\n      \"name\" : \"Second\""));
    g_assert_nonnull (strstr (text, "\"id\" : \"custom-2\",\n      \"name\" : \"Third 第三\""));
    g_assert_null (strstr (text, "custom-3"));
  }

  gap_workspace_close (w);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- hostile and malformed documents ---- */

/* The smallest document, with @extra members. */
static GBytes *
minimal_with (const char *extra)
{
  char *text = g_strconcat ("{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\"",
                            extra, "}", NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* The demo's JSON with one member of one assessment replaced. */
static GBytes *
demo_with (guint       index,
           const char *member,
           JsonNode   *value)
{
  g_autoptr(GBytes) demo = g_resources_lookup_data (RESOURCE_BASE "/demo/demo.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *assessments;
  gsize length;
  char *data;

  json_parser_load_from_data (parser, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo), &error);
  g_assert_no_error (error);
  assessments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "assessments");
  json_object_set_member (json_array_get_object_element (assessments, index), member, value);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_int (node, value);
  return node;
}

static void
assert_refused (const char *what,
                GBytes     *json,
                const char *message_part)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autofree char *listing = NULL;

  workspace = import_into (dir, "out.ismsgap", json, &error);
  if (workspace != NULL)
    g_error ("%s: imported", what);
  g_assert_nonnull (error);
  g_assert_true (error->domain == GAP_ERROR);
  if (strstr (error->message, message_part) == NULL)
    g_error ("%s: “%s” does not say “%s”", what, error->message, message_part);
  g_assert_false (_gap_json_validate (json, NULL));

  listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_hostile (void)
{
  g_autoptr(GBytes) demo = g_resources_lookup_data (RESOURCE_BASE "/demo/demo.json", 0, NULL);
  GString *deep;
  char *huge;

#define REFUSE(what, bytes, part) \
  G_STMT_START { g_autoptr(GBytes) b_ = (bytes); assert_refused (what, b_, part); } G_STMT_END
#define TEXT(s) g_bytes_new_static (s, strlen (s))

  REFUSE ("empty", TEXT (""), "empty");
  REFUSE ("spaces", TEXT ("  \n"), "empty");
  REFUSE ("truncated", g_bytes_new_from_bytes (demo, 0, g_bytes_get_size (demo) / 2), "Not valid JSON");
  REFUSE ("brace", TEXT ("{"), "Not valid JSON");
  REFUSE ("invalid UTF-8", TEXT ("{\"format\":\"isms-gap-workspace\",\"x\":\"\xff\xfe\"}"),
          "Not valid UTF-8 text (byte 36)");
  REFUSE ("NUL byte", g_bytes_new_static ("{\"a\":\"\0\"}", 9), "Not valid UTF-8");
  REFUSE ("array", TEXT ("[1, 2]"), "the document is an array, not an object");
  REFUSE ("other format", TEXT ("{\"format\":\"isms-gap-catalog\",\"version\":1}"),
          "format: not an ISMS Gap workspace");
  REFUSE ("no format", TEXT ("{\"version\":1}"), "format: not an ISMS Gap workspace");
  REFUSE ("newer", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":3,\"edition\":\"2022\"}"),
          "version: 3 is newer than this program reads (2)");
  /* Version 1 had no identity: there "uuid" is unknown, as it was. */
  REFUSE ("uuid in version 1", minimal_with (",\"uuid\":\"" DEMO_UUID "\""),
          "uuid: unknown member");
  REFUSE ("uuid type", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":2,"
                             "\"edition\":\"2022\",\"uuid\":42}"),
          "uuid: expected a string, found a number");
  REFUSE ("not a uuid", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":2,"
                              "\"edition\":\"2022\",\"uuid\":\"d8da4287-0207-46da-9291\"}"),
          "uuid: not a UUID: “d8da4287-0207-46da-9291”");
  REFUSE ("version string", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":\"1\"}"),
          "version: expected a whole number, found a string");
  REFUSE ("version zero", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":0}"),
          "version: unknown value “0”");
  REFUSE ("no edition", TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":1}"), "edition: missing");
  REFUSE ("unknown edition",
          TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2005\"}"),
          "edition: unknown value “2005”");
  REFUSE ("edition number",
          TEXT ("{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":2022}"),
          "edition: expected a string, found a number");
  REFUSE ("unknown member", minimal_with (",\"frobnicate\":true"), "frobnicate: unknown member");
  REFUSE ("scope type", minimal_with (",\"scope\":[]"), "scope: expected an object, found an array");
  REFUSE ("scope member", minimal_with (",\"scope\":{\"colour\":\"red\"}"), "scope.colour: unknown member");
  REFUSE ("scope date", minimal_with (",\"scope\":{\"assessment_date\":\"2026-13-01\"}"),
          "scope.assessment_date: not a date of the form YYYY-MM-DD: “2026-13-01”");
  REFUSE ("scope item kind", minimal_with (",\"scope\":{\"items\":{\"planet\":[]}}"),
          "scope.items.planet: unknown kind of scope item");
  REFUSE ("scope item name", minimal_with (",\"scope\":{\"items\":{\"site\":[{\"name\":\" \"}]}}"),
          "scope.items.site[0].name: must not be empty");
  REFUSE ("scope item name of full-width spaces",
          minimal_with (",\"scope\":{\"items\":{\"site\":[{\"name\":\"\u3000\u3000\"}]}}"),
          "scope.items.site[0].name: must not be empty");
  REFUSE ("scope item missing name", minimal_with (",\"scope\":{\"items\":{\"unit\":[{\"detail\":\"x\"}]}}"),
          "scope.items.unit[0].name: missing");
  REFUSE ("services type", minimal_with (",\"services\":{}"), "services: expected an array, found an object");
  REFUSE ("unknown service", minimal_with (",\"services\":[{\"id\":\"netflix\",\"in_use\":true}]"),
          "services[0].id: unknown service “netflix”");
  REFUSE ("in_use type", minimal_with (",\"services\":[{\"id\":\"azure\",\"in_use\":\"yes\"}]"),
          "services[0].in_use: expected true or false, found a string");
  REFUSE ("service twice", minimal_with (",\"services\":[{\"id\":\"azure\",\"in_use\":true},"
                                          "{\"id\":\"azure\",\"in_use\":false}]"),
          "services[1].id: “azure” appears twice");
  REFUSE ("custom id", minimal_with (",\"custom_providers\":[{\"id\":\"azure\",\"name\":\"x\"}]"),
          "custom_providers[0].id: “azure” is the ID of a catalog service");
  REFUSE ("custom name", minimal_with (",\"custom_providers\":[{\"id\":\"c\",\"name\":\"\"}]"),
          "custom_providers[0].name: must not be empty");
  REFUSE ("custom name of full-width spaces",
          minimal_with (",\"custom_providers\":[{\"id\":\"c\",\"name\":\"\u3000\"}]"),
          "custom_providers[0].name: must not be empty");
  REFUSE ("custom model", minimal_with (",\"custom_providers\":[{\"id\":\"c\",\"name\":\"x\",\"models\":[\"faas\"]}]"),
          "custom_providers[0].models[0]: unknown value “faas”");
  REFUSE ("certificate family", minimal_with (",\"certificates\":[{\"family\":\"acme\"}]"),
          "certificates[0].family: unknown certificate family or custom provider “acme”");
  REFUSE ("certificate date", minimal_with (",\"certificates\":[{\"family\":\"azure\",\"expiry\":\"tomorrow\"}]"),
          "certificates[0].expiry: not a date");
  REFUSE ("status", demo_with (12, "status", string_node ("done")),
          "assessments[12].status: unknown value “done”");
  REFUSE ("status type", demo_with (3, "status", int_node (3)),
          "assessments[3].status: expected a string, found a number");
  REFUSE ("unknown control", demo_with (0, "control", string_node ("A.99.1")),
          "assessments[0].control: unknown control “A.99.1” in ISO/IEC 27001:2022");
  REFUSE ("2013 control in 2022", demo_with (40, "control", string_node ("A.5.1.1")),
          "assessments[40].control: unknown control “A.5.1.1”");
  REFUSE ("control twice", demo_with (1, "control", string_node ("4.1")),
          "assessments[1].control: “4.1” appears twice");
  REFUSE ("due date", demo_with (5, "due_date", string_node ("2026-02-30")),
          "assessments[5].due_date: not a date of the form YYYY-MM-DD: “2026-02-30”");
  REFUSE ("priority", demo_with (50, "priority", string_node ("urgent")),
          "assessments[50].priority: unknown value “urgent”");
  REFUSE ("clause excluded", demo_with (2, "applicability", string_node ("not-applicable")),
          "assessments[2].applicability: a clause requirement is always applicable");
  REFUSE ("clause inherited", demo_with (2, "responsibility", string_node ("inherited")),
          "assessments[2].responsibility: a clause requirement is always the organization’s own");
  REFUSE ("needs_review", demo_with (60, "needs_review", string_node ("no")),
          "assessments[60].needs_review: expected true or false");
  REFUSE ("assessment member", demo_with (61, "colour", string_node ("red")),
          "assessments[61].colour: unknown member");
  REFUSE ("unknown service in assessment",
          minimal_with (",\"assessments\":[{\"control\":\"A.5.1\",\"services\":[\"azure\",\"acme\"]}]"),
          "assessments[0].services[1]: unknown service “acme”");
  REFUSE ("reason twice",
          minimal_with (",\"assessments\":[{\"control\":\"A.5.1\",\"reasons\":[\"legal\",\"legal\"]}]"),
          "assessments[0].reasons[1]: listed twice");
  REFUSE ("clause services",
          minimal_with (",\"assessments\":[{\"control\":\"4.1\",\"services\":[\"azure\"]}]"),
          "assessments[0].services: a clause requirement is the organization’s own");
  REFUSE ("assessments type", minimal_with (",\"assessments\":{\"A.5.1\":{}}"),
          "assessments: expected an array, found an object");

  /* One byte over 1 MiB in one string. */
  huge = g_malloc (1024 * 1024 + 2);
  memset (huge, 'x', 1024 * 1024 + 1);
  huge[1024 * 1024 + 1] = '\0';
  REFUSE ("huge string", demo_with (7, "notes", string_node (huge)),
          "assessments[7].notes: longer than 1 MiB");
  g_free (huge);

  /* 100,000 levels: refused before json-glib recurses into them. */
  deep = g_string_new ("{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\",\"scope\":");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, i % 2 ? '{' : '[');
  REFUSE ("deep", g_string_free_to_bytes (deep), "Nested deeper than 64 levels (line 1, column ");
  /* Brackets inside strings are text, not nesting. */
  deep = g_string_new ("{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\","
                       "\"scope\":{\"statement\":\"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (deep, "[{\\\"");
  g_string_append (deep, "\"}, \"x\": 1}");
  REFUSE ("brackets in a string", g_string_free_to_bytes (deep), "x: unknown member");

#undef REFUSE
#undef TEXT
}

/* A document may leave out what it does not set; the rest is defaults. */
static void
test_minimal (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GBytes) json = minimal_with (",\"assessments\":[{\"control\":\"A.5.7\",\"status\":\"planned\"}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) w = import_into (dir, "min.ismsgap", json, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gap_workspace_get_edition (w), ==, GAP_EDITION_2022);
  g_assert_cmpint (gap_assessment_get_status (gap_workspace_lookup_assessment (w, "A.5.7")), ==,
                   GAP_STATUS_PLANNED);
  g_assert_cmpint (gap_assessment_get_status (gap_workspace_lookup_assessment (w, "A.5.8")), ==,
                   GAP_STATUS_NOT_ASSESSED);
  g_assert_false (gap_service_record_get_in_use (gap_workspace_lookup_service (w, "azure")));

  /* An existing file is never replaced. */
  g_clear_error (&error);
  g_assert_null (import_into (dir, "min.ismsgap", json, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  gap_workspace_close (w);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static gboolean
fail_halfway (GapWorkspace  *workspace,
              gpointer       user_data,
              GError       **error)
{
  if (!gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_STATEMENT, "half", error))
    return FALSE;
  g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED, "failed on purpose");
  return FALSE;
}

/* A failure while building leaves neither the file nor its temporary. */
static void
test_staging_failure (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "out.ismsgap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "out.ismsgap", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_null (_gap_workspace_create_staged (file, GAP_EDITION_2022, "Org", fail_halfway, NULL,
                                               &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_FAILED);
  listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  g_clear_error (&error);
  g_assert_null (_gap_workspace_create_staged (missing, GAP_EDITION_2022, "Org", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&listing, g_free);
  listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  core_tmp_dir_free (g_steal_pointer (&dir));
}

/* The demo: dates follow the day it is made, every verdict is there. */
static void
test_demo (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GapWorkspace) demo = demo_on (dir, "demo.ismsgap", "2026-06-15");
  g_autoptr(GapAnalysis) analysis = gap_analysis_new (demo);
  g_autoptr(GapWorkspace) later = NULL;
  g_autoptr(GapAnalysis) later_analysis = NULL;
  g_autoptr(GapWorkspace) now = NULL;
  g_autoptr(GapAnalysis) now_analysis = NULL;
  g_autofree char *now_path = g_build_filename (dir, "now.ismsgap", NULL);
  g_autoptr(GFile) now_file = g_file_new_for_path (now_path);
  g_autoptr(GError) error = NULL;
  const GapCounts *counts;
  GDate today, later_day;
  GListModel *assessments = gap_workspace_get_assessments (demo);
  gboolean inherited_covered = FALSE, shared_at_risk = FALSE, inherited_at_risk = FALSE;
  gboolean not_in_use_at_risk = FALSE, shared_covered = FALSE, has_owner_due_evidence = FALSE;

  core_date_set (&today, "2026-06-15");
  gap_analysis_set_today (analysis, &today);
  counts = gap_analysis_get_counts (analysis);

  g_assert_cmpstr (gap_workspace_get_scope_field (demo, GAP_SCOPE_FIELD_ASSESSMENT_DATE), ==, "2026-06-15");
  g_assert_cmpstr (gap_workspace_get_scope_field (demo, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "台灣範例精密股份有限公司");
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    if (counts->by_verdict[v] == 0)
      g_error ("the demo has no “%s”", gap_verdict_to_string (v));
  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (gap_workspace_get_scope_items (demo, kind)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gap_analysis_get_unjustified (analysis)), ==, 1);

  /* Certificates: current, stale and unverified, as written. */
  g_assert_cmpint (gap_certificate_get_state (gap_workspace_lookup_certificate (demo, "office-365"), &today),
                   ==, GAP_CERTIFICATE_STATE_CURRENT);
  g_assert_cmpint (gap_certificate_get_state (gap_workspace_lookup_certificate (demo, "mcio"), &today),
                   ==, GAP_CERTIFICATE_STATE_CURRENT);
  g_assert_cmpint (gap_certificate_get_state (gap_workspace_lookup_certificate (demo, "azure"), &today),
                   ==, GAP_CERTIFICATE_STATE_STALE);
  g_assert_cmpuint (g_list_model_get_n_items (gap_analysis_get_certificate_warnings (analysis)), ==, 2);
  g_assert_true (gap_service_record_get_in_use (gap_workspace_lookup_service (demo, "office-365")));
  g_assert_true (gap_service_record_get_in_use (gap_workspace_lookup_service (demo, "azure")));
  g_assert_true (gap_service_record_get_in_use (gap_workspace_lookup_service (demo, "intune")));

  /* Dates moved with the assessment date: one due date lies 15 days back. */
  g_assert_cmpstr (gap_assessment_get_due_date (gap_workspace_lookup_assessment (demo, "A.5.19")), ==,
                   "2026-05-31");

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i);
      GapVerdict v = gap_analysis_get_verdict (analysis, a);
      GapResponsibility r = gap_assessment_get_responsibility (a);
      const char * const *services = gap_assessment_get_services (a);

      inherited_covered |= r == GAP_RESPONSIBILITY_INHERITED && v == GAP_VERDICT_COVERED;
      inherited_at_risk |= r == GAP_RESPONSIBILITY_INHERITED && v == GAP_VERDICT_AT_RISK;
      shared_at_risk |= r == GAP_RESPONSIBILITY_SHARED && v == GAP_VERDICT_AT_RISK;
      shared_covered |= r == GAP_RESPONSIBILITY_SHARED && v == GAP_VERDICT_COVERED;
      for (guint k = 0; services[k] != NULL; k++)
        not_in_use_at_risk |= v == GAP_VERDICT_AT_RISK &&
          !gap_service_record_get_in_use (gap_workspace_lookup_service (demo, services[k]));
      has_owner_due_evidence |= *gap_assessment_get_owner (a) != '\0' &&
                                *gap_assessment_get_due_date (a) != '\0' &&
                                *gap_assessment_get_evidence (a) != '\0';
    }
  g_assert_true (inherited_covered);
  g_assert_true (inherited_at_risk);
  g_assert_true (shared_at_risk);
  g_assert_true (shared_covered);
  g_assert_true (not_in_use_at_risk);
  g_assert_true (has_owner_due_evidence);

  /* Made on another day, it gives the same verdicts. */
  later = demo_on (dir, "later.ismsgap", "2031-01-20");
  later_analysis = gap_analysis_new (later);
  core_date_set (&later_day, "2031-01-20");
  gap_analysis_set_today (later_analysis, &later_day);
  g_assert_cmpmem (gap_analysis_get_counts (later_analysis), sizeof (GapCounts), counts, sizeof (GapCounts));

  /* And made today, judged today (the real API). */
  now = gap_workspace_create_demo (now_file, &error);
  g_assert_no_error (error);
  now_analysis = gap_analysis_new (now);
  g_assert_cmpmem (gap_analysis_get_counts (now_analysis), sizeof (GapCounts), counts, sizeof (GapCounts));

  gap_workspace_close (now);
  gap_workspace_close (later);
  gap_workspace_close (demo);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

/* The workspace's identity: export and import keep it, a document without
 * one gives a fresh one, and setting it is not an edit of the content. */
static void
test_uuid (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *upper_path = g_build_filename (dir, "upper.ismsgap", NULL);
  g_autoptr(GFile) upper_file = g_file_new_for_path (upper_path);
  g_autoptr(GapWorkspace) demo = demo_on (dir, "demo.ismsgap", "2026-06-15");
  g_autoptr(GapWorkspace) later = demo_on (dir, "later.ismsgap", "2031-01-20");
  g_autoptr(GBytes) v1 = minimal_with ("");
  static const char v2_text[] =
    "{\"format\":\"isms-gap-workspace\",\"version\":2,\"edition\":\"2013\"}";
  static const char upper_text[] =
    "{\"format\":\"isms-gap-workspace\",\"version\":2,\"edition\":\"2022\","
    "\"uuid\":\"0F8FAD5B-D9CB-469F-A165-70867728950E\"}";
  g_autoptr(GBytes) v2 = g_bytes_new_static (v2_text, strlen (v2_text));
  g_autoptr(GBytes) upper_json = g_bytes_new_static (upper_text, strlen (upper_text));
  g_autoptr(GapWorkspace) a = NULL;
  g_autoptr(GapWorkspace) b = NULL;
  g_autoptr(GapWorkspace) c = NULL;
  g_autoptr(GapWorkspace) upper = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  /* Every demo is the one in the demo's document, whatever the day. */
  g_assert_cmpstr (gap_workspace_get_uuid (demo), ==, DEMO_UUID);
  g_assert_cmpstr (gap_workspace_get_uuid (later), ==, DEMO_UUID);

  /* Without one (version 1, or left out in 2), each import is new. */
  a = import_into (dir, "a.ismsgap", v1, &error);
  g_assert_no_error (error);
  b = import_into (dir, "b.ismsgap", v1, &error);
  g_assert_no_error (error);
  c = import_into (dir, "c.ismsgap", v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gap_workspace_get_edition (c), ==, GAP_EDITION_2013);
  g_assert_true (g_uuid_string_is_valid (gap_workspace_get_uuid (a)));
  g_assert_true (g_uuid_string_is_valid (gap_workspace_get_uuid (b)));
  g_assert_true (g_uuid_string_is_valid (gap_workspace_get_uuid (c)));
  g_assert_cmpstr (gap_workspace_get_uuid (a), !=, gap_workspace_get_uuid (b));
  g_assert_cmpstr (gap_workspace_get_uuid (a), !=, gap_workspace_get_uuid (c));
  g_assert_cmpstr (gap_workspace_get_uuid (a), !=, DEMO_UUID);

  /* Case does not make another identity: it is kept in lower case, and
   * the file keeps it. */
  upper = gap_workspace_import_json (upper_json, upper_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gap_workspace_get_uuid (upper), ==, "0f8fad5b-d9cb-469f-a165-70867728950e");
  g_assert_false (gap_workspace_get_can_undo (upper));
  log = gap_workspace_get_change_log (upper, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpstr (((GapChangeLogEntry *) log->pdata[i])->field, !=, "uuid");
  gap_workspace_close (upper);
  g_clear_object (&upper);
  upper = gap_workspace_open (upper_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gap_workspace_get_uuid (upper), ==, "0f8fad5b-d9cb-469f-a165-70867728950e");

  gap_workspace_close (upper);
  gap_workspace_close (a);
  gap_workspace_close (b);
  gap_workspace_close (c);
  gap_workspace_close (later);
  gap_workspace_close (demo);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/round-trip/demo", test_round_trip_demo);
  g_test_add_data_func ("/core/json/round-trip/every-field/2022", GINT_TO_POINTER (GAP_EDITION_2022),
                        test_round_trip_every_field);
  g_test_add_data_func ("/core/json/round-trip/every-field/2013", GINT_TO_POINTER (GAP_EDITION_2013),
                        test_round_trip_every_field);
  g_test_add_func ("/core/json/hostile", test_hostile);
  g_test_add_func ("/core/json/minimal", test_minimal);
  g_test_add_func ("/core/json/staging-failure", test_staging_failure);
  g_test_add_func ("/core/json/demo", test_demo);
  g_test_add_func ("/core/json/uuid", test_uuid);

  return g_test_run ();
}
