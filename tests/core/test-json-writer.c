/* test-json-writer.c — the streaming JSON writer: json-glib's bytes, escaping, errors
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exports used to print json-glib trees; the writer must give the same
 * bytes (the golden files rest on it), so most checks here print one
 * document both ways and compare.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gap-json-writer-private.h"

/* What json-glib 1.6 prints for @root, pretty with indent 2, plus the
 * final newline the writer adds. */
static char *
print_with_json_glib (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);
  return g_strconcat (data, "\n", NULL);
}

/* The writer's bytes as a string. */
typedef struct
{
  GOutputStream *stream;
  GapJsonWriter *writer;
} Output;

static void
output_init (Output *out)
{
  out->stream = g_memory_output_stream_new_resizable ();
  out->writer = _gap_json_writer_new (out->stream, NULL);
}

static char *
output_finish (Output *out)
{
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (_gap_json_writer_finish (out->writer, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out->stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out->stream, NULL, &error));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out->stream));
  g_clear_pointer (&out->writer, _gap_json_writer_free);
  g_clear_object (&out->stream);
  return text;
}

/* ---- one random document, built both ways ---- */

static char *
random_text (GRand *rand)
{
  /* ASCII, the escapes, two- to four-byte UTF-8; no U+001F (json-glib
   * writes it raw, see gap-json-writer-private.h). */
  static const char * const pieces[] = {
    "a", "Z", " ", "0", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1e",
    "\x7f", "é", "資訊", "安全", "\xe2\x80\xa8", "😀", "<>&'", "{}", "[]", ":", ",",
  };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

static JsonNode *
random_value (GRand         *rand,
              GapJsonWriter *writer,
              guint          depth)
{
  guint kind = g_rand_int_range (rand, 0, depth < 6 ? 7 : 5);
  JsonNode *node;

  switch (kind)
    {
    case 0:
      {
        g_autofree char *text = random_text (rand);

        _gap_json_writer_string (writer, text);
        return json_node_init_string (json_node_alloc (), text);
      }
    case 1:
      {
        gint64 value = (gint64) g_rand_int (rand) - G_MAXINT32;

        if (g_rand_boolean (rand))
          value *= G_GINT64_CONSTANT (4294967296);
        _gap_json_writer_int (writer, value);
        return json_node_init_int (json_node_alloc (), value);
      }
    case 2:
      _gap_json_writer_boolean (writer, TRUE);
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case 3:
      _gap_json_writer_boolean (writer, FALSE);
      return json_node_init_boolean (json_node_alloc (), FALSE);
    case 4:
      _gap_json_writer_null (writer);
      return json_node_init_null (json_node_alloc ());
    case 5:
      {
        JsonArray *array = json_array_new ();
        guint n = g_rand_int_range (rand, 0, 5);

        _gap_json_writer_begin_array (writer);
        for (guint i = 0; i < n; i++)
          json_array_add_element (array, random_value (rand, writer, depth + 1));
        _gap_json_writer_end_array (writer);
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();
        guint n = g_rand_int_range (rand, 0, 5);

        _gap_json_writer_begin_object (writer);
        for (guint i = 0; i < n; i++)
          {
            /* Distinct names: json-glib keeps one member per name. */
            g_autofree char *text = random_text (rand);
            g_autofree char *name = g_strdup_printf ("%u%s", i, text);

            _gap_json_writer_member (writer, name);
            json_object_set_member (object, name, random_value (rand, writer, depth + 1));
          }
        _gap_json_writer_end_object (writer);
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}

static void
test_same_as_json_glib (void)
{
  for (guint32 seed = 1; seed <= 300; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      Output out;

      output_init (&out);
      root = random_value (rand, out.writer, seed % 3 == 0 ? 5 : 0);
      expected = print_with_json_glib (root);
      actual = output_finish (&out);
      if (g_strcmp0 (actual, expected) != 0)
        g_error ("seed %u: the writer gave\n%s\njson-glib\n%s", seed, actual, expected);
    }
}

/* Deeper than the writer's first stack, empty containers at every level. */
static void
test_nesting (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  JsonNode *inner = json_node_new (JSON_NODE_OBJECT);
  Output out;

  json_node_take_object (inner, json_object_new ());
  for (guint depth = 0; depth < 100; depth++)
    {
      JsonNode *array = json_node_new (JSON_NODE_ARRAY);
      JsonObject *object = json_object_new ();

      json_node_take_array (array, json_array_new ());
      json_object_set_member (object, "empty-array", array);
      json_object_set_member (object, "next", inner);
      inner = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (inner, object);
    }
  root = inner;
  expected = print_with_json_glib (root);

  output_init (&out);
  for (guint depth = 0; depth < 100; depth++)
    {
      _gap_json_writer_begin_object (out.writer);
      _gap_json_writer_member (out.writer, "empty-array");
      _gap_json_writer_begin_array (out.writer);
      _gap_json_writer_end_array (out.writer);
      _gap_json_writer_member (out.writer, "next");
    }
  _gap_json_writer_begin_object (out.writer);
  for (guint depth = 0; depth <= 100; depth++)
    _gap_json_writer_end_object (out.writer);
  actual = output_finish (&out);

  g_assert_cmpstr (actual, ==, expected);
}

/* Every control character, exactly; the text read back is the same. */
static void
test_escaping (void)
{
  static const char * const expected_escapes[] = {
    NULL, "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new ("[\n  \"");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *actual = NULL;
  Output out;

  for (guint c = 1; c < 0x20; c++)
    {
      g_string_append_c (text, (char) c);
      g_string_append (expected, expected_escapes[c]);
    }
  /* DEL as json-glib wrote it; quote and backslash; '/' and UTF-8 as they are. */
  g_string_append (text, "\x7f\"\\/資訊 😀\xe2\x80\xa8");
  g_string_append (expected, "\\u007f\\\"\\\\/資訊 😀\xe2\x80\xa8\"\n]\n");

  output_init (&out);
  _gap_json_writer_begin_array (out.writer);
  _gap_json_writer_string (out.writer, text->str);
  _gap_json_writer_end_array (out.writer);
  actual = output_finish (&out);
  g_assert_cmpstr (actual, ==, expected->str);

  g_assert_true (json_parser_load_from_data (parser, actual, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (
                     json_parser_get_root (parser)), 0), ==, text->str);
}

/* Bytes that are not UTF-8 become U+FFFD, one per bad byte, in values
 * and names alike: the output is UTF-8, which the importer requires. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *actual = NULL;
  JsonObject *object;
  Output out;

  output_init (&out);
  _gap_json_writer_begin_object (out.writer);
  _gap_json_writer_member_string (out.writer, "n\xff", "a\xff" "b\xc3(c\xe2\x80");
  _gap_json_writer_member_string (out.writer, "ok", "資訊");
  _gap_json_writer_end_object (out.writer);
  actual = output_finish (&out);

  g_assert_true (g_utf8_validate (actual, -1, NULL));
  g_assert_cmpstr (actual, ==,
                   "{\n  \"n\xef\xbf\xbd\" : "
                   "\"a\xef\xbf\xbd" "b\xef\xbf\xbd(c\xef\xbf\xbd\xef\xbf\xbd\",\n"
                   "  \"ok\" : \"資訊\"\n}\n");
  g_assert_true (json_parser_load_from_data (parser, actual, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "ok"), ==, "資訊");
}

/* Random bytes, weighted to UTF-8's edges (overlong forms, surrogates,
 * beyond U+10FFFF, cut sequences): the writer gives what json-glib
 * prints for g_utf8_make_valid() of them. */
static void
test_random_bytes (void)
{
  static const guchar edges[] = {
    0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee,
    0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff, 'a', '"', '\\', 0x01, 0x7f,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) bytes = g_string_new (NULL);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *valid = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      guint n = g_rand_int_range (rand, 1, 12);
      Output out;

      for (guint k = 0; k < n; k++)
        {
          guchar b = g_rand_boolean (rand) ? edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))]
                                           : (guchar) g_rand_int_range (rand, 1, 256);

          /* json-glib writes U+001F raw, the writer escapes it. */
          g_string_append_c (bytes, b == 0x1f ? 0x1e : b);
        }
      valid = g_utf8_make_valid (bytes->str, -1);
      root = json_node_init_string (json_node_alloc (), valid);
      expected = print_with_json_glib (root);

      output_init (&out);
      _gap_json_writer_string (out.writer, bytes->str);
      actual = output_finish (&out);
      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_numbers (void)
{
  static const gint64 values[] = { 0, 1, -1, 2026, G_MAXINT32, G_MININT32, G_MAXINT64, G_MININT64 };
  g_autofree char *actual = NULL;
  Output out;

  output_init (&out);
  _gap_json_writer_begin_array (out.writer);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    _gap_json_writer_int (out.writer, values[i]);
  _gap_json_writer_end_array (out.writer);
  actual = output_finish (&out);

  g_assert_cmpstr (actual, ==, "[\n  0,\n  1,\n  -1,\n  2026,\n  2147483647,\n  -2147483648,\n"
                               "  9223372036854775807,\n  -9223372036854775808\n]\n");
}

/* A stream that takes @room bytes, then says the disk is full. */
static void
test_write_error (void)
{
  gsize room = 200 * 1024;
  g_autofree char *memory = g_malloc (room);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (memory, room, NULL, NULL);
  g_autoptr(GapJsonWriter) writer = _gap_json_writer_new (stream, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (100 * 1024, 'x');
  guint failed_at = 0;

  _gap_json_writer_begin_array (writer);
  for (guint i = 0; i < 100000; i++)
    {
      _gap_json_writer_begin_object (writer);
      _gap_json_writer_member_string (writer, "text", i == 10 ? long_text : "資訊安全");
      _gap_json_writer_end_object (writer);
      if (failed_at == 0 && !_gap_json_writer_ok (writer))
        failed_at = i;
    }
  _gap_json_writer_end_array (writer);

  /* It failed midway, kept going quietly, and says why at the end. */
  g_assert_cmpuint (failed_at, >, 10);
  g_assert_cmpuint (failed_at, <, 100000);
  g_assert_false (_gap_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (_gap_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_cancelled (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GapJsonWriter) writer = _gap_json_writer_new (stream, cancellable);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  _gap_json_writer_begin_object (writer);
  _gap_json_writer_member_boolean (writer, "a", TRUE);
  _gap_json_writer_end_object (writer);
  g_assert_false (_gap_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
}

/* Misuse is a programming error, reported, and writes nothing wrong. */
static void
test_misuse (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GapJsonWriter) writer = _gap_json_writer_new (stream, NULL);

      _gap_json_writer_begin_object (writer);
      /* A value without a member name. */
      _gap_json_writer_string (writer, "x");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*named*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json-writer/nesting", test_nesting);
  g_test_add_func ("/json-writer/escaping", test_escaping);
  g_test_add_func ("/json-writer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json-writer/random-bytes", test_random_bytes);
  g_test_add_func ("/json-writer/numbers", test_numbers);
  g_test_add_func ("/json-writer/write-error", test_write_error);
  g_test_add_func ("/json-writer/cancelled", test_cancelled);
  g_test_add_func ("/json-writer/misuse", test_misuse);

  return g_test_run ();
}
