/* gap-report-layout.c — pagination and drawing of a report with pango
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report becomes a flow of boxes (a heading, a paragraph, a field, a
 * table header or row, the chart), each measured once with pango. Boxes
 * are then placed on pages top to bottom; a placement may show only a
 * vertical slice of a box, which is how a row taller than a page goes on.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gap-export-private.h"
#include "gap-report-layout.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     58.0
#define MARGIN_BOTTOM  54.0
#define HEADER_Y       30.0
#define FOOTER_GAP     26.0

#define FONT_FAMILY    "Noto Sans CJK TC, Noto Sans, sans-serif"

#define SIZE_TITLE     22.0
#define SIZE_SUBTITLE  14.0
#define SIZE_HEADING   14.0
#define SIZE_CAPTION   9.5
#define SIZE_BODY      9.0
#define SIZE_TABLE     7.5
#define SIZE_RUNNING   7.5

#define CELL_PADDING   3.0
#define MIN_SLICE      40.0   /* the least of a long box worth starting on a page */
#define HEADER_ROOM    40.0   /* room a repeated table header may take */

typedef enum
{
  BOX_TEXT,        /* a row of text cells: heading, paragraph, field, table row */
  BOX_CHART,
  BOX_PAGE_BREAK,
} BoxKind;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       width;
} Cell;

typedef struct _Box Box;
struct _Box
{
  BoxKind               kind;
  double                height;
  double                space_before;
  gboolean              keep_with_next;
  gboolean              bordered;
  gboolean              header;        /* a table header: shaded, repeated on each page */
  gboolean              rule_below;    /* a section heading's underline */
  Box                  *table_header;  /* for a table's rows: the header to repeat */
  guint                 n_cells;
  Cell                 *cells;
  const GapReportChart *chart;
  int                   section;       /* the section this box heads, or -1 */
};

typedef struct
{
  Box    *box;
  double  y;      /* where the slice's top is drawn */
  double  from;   /* the slice of the box shown: [from, to) */
  double  to;
} Placement;

struct _GapReportLayout
{
  GapReport    *report;
  double        page_width;
  double        page_height;
  double        content_width;
  PangoContext *context;
  GPtrArray    *boxes;        /* of Box */
  GPtrArray    *pages;        /* of GArray of Placement */
  GArray       *outline;      /* of GapReportOutlineEntry */
};

/* ---- text ---- */

typedef struct
{
  double     size;
  gboolean   bold;
  gboolean   italic;
  guint32    colour;       /* 0xRRGGBB of the whole text; 0 for black */
  PangoAlignment align;
  gboolean   ellipsize;    /* one line, cut with an ellipsis */
} Style;

static const Style style_body = { SIZE_BODY, FALSE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };

static PangoAttribute *
attr_range (PangoAttribute *attr,
            guint           start,
            guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  return attr;
}

static void
add_colour (PangoAttrList *attrs,
            guint32        colour,
            guint          start,
            guint          end)
{
  pango_attr_list_insert (attrs, attr_range (pango_attr_foreground_new (((colour >> 16) & 0xff) * 257,
                                                                        ((colour >> 8) & 0xff) * 257,
                                                                        (colour & 0xff) * 257),
                                             start, end));
}

/* Pango lays a text out in time that grows with the square of its length:
 * a 1 MiB note (the most a field holds) would take minutes per cell. A
 * printed report shows the first 64 KiB of a text, some 25 pages, and
 * says where the rest is. */
#define MAX_LAYOUT_TEXT (64 * 1024)

/* User text goes in as text, never as markup; invalid UTF-8 (which pango
 * refuses) is repaired first. A bilingual text is two paragraphs, the
 * second smaller and grey, each tagged with its language so that pango
 * picks Traditional Chinese glyph forms for the first. */
static PangoLayout *
make_layout (GapReportLayout     *self,
             const GapReportText *text,
             const Style         *style,
             double               width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  guint first_end;

  for (guint slot = 0; slot < (gap_report_text_is_localized (text) ? 2u : 1u); slot++)
    {
      g_autofree char *valid = g_utf8_make_valid (gap_report_text_get (text, slot), -1);
      guint start;

      if (strlen (valid) > MAX_LAYOUT_TEXT)
        {
          /* At a character boundary, then the note in the text's language. */
          char *cut = g_utf8_find_prev_char (valid, valid + MAX_LAYOUT_TEXT + 1);
          const char *note = _gap_gettext_for (self->report->languages[slot],
                                               N_("[Shortened for print: the whole text is in "
                                                  "the workspace and in its JSON export.]"));
          char *shortened;

          *cut = '\0';
          shortened = g_strconcat (valid, "…\n", note, NULL);
          g_free (valid);
          valid = shortened;
        }

      if (slot == 1)
        g_string_append_c (buffer, '\n');
      start = buffer->len;
      g_string_append (buffer, valid);
      pango_attr_list_insert (attrs, attr_range (pango_attr_language_new (
                                pango_language_from_string (gap_report_get_bcp47 (self->report, slot))),
                                start, buffer->len));
      if (slot == 1)
        {
          pango_attr_list_insert (attrs, attr_range (pango_attr_scale_new (0.88), start, buffer->len));
          add_colour (attrs, 0x5f6368, start, buffer->len);
        }
    }
  first_end = gap_report_text_is_localized (text) ? (guint) strlen (gap_report_text_get (text, 0))
                                                  : buffer->len;
  if (style->colour != 0)
    add_colour (attrs, style->colour, 0, first_end);

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, buffer->str, buffer->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->align);
  if (style->ellipsize)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, 0);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* ---- boxes ---- */

static void
box_free (gpointer data)
{
  Box *box = data;

  for (guint i = 0; i < box->n_cells; i++)
    g_object_unref (box->cells[i].layout);
  g_free (box->cells);
  g_free (box);
}

static Box *
add_box (GapReportLayout *self,
         BoxKind          kind)
{
  Box *box = g_new0 (Box, 1);

  box->kind = kind;
  box->section = -1;
  g_ptr_array_add (self->boxes, box);
  return box;
}

/* A box of one text across the content width. */
static Box *
add_text (GapReportLayout     *self,
          const GapReportText *text,
          const Style         *style,
          double               space_before)
{
  Box *box = add_box (self, BOX_TEXT);

  box->n_cells = 1;
  box->cells = g_new0 (Cell, 1);
  box->cells[0].width = self->content_width;
  box->cells[0].layout = make_layout (self, text, style, self->content_width);
  box->height = layout_height (box->cells[0].layout);
  box->space_before = space_before;
  return box;
}

static guint32
cell_colour (const GapReportColumn *column,
             const GapReportCell   *cell)
{
  if (column->type == GAP_REPORT_VALUE_VERDICT)
    switch ((GapVerdict) cell->number)
      {
      case GAP_VERDICT_COVERED: return 0x2e7d32;
      case GAP_VERDICT_PARTIAL: return 0xa05a00;
      case GAP_VERDICT_AT_RISK: return 0xd84315;
      case GAP_VERDICT_GAP: return 0xc62828;
      case GAP_VERDICT_EXCLUDED:
      default: return 0x5f6368;
      }
  if (column->type == GAP_REPORT_VALUE_CERTIFICATE_STATE &&
      (GapCertificateState) cell->number != GAP_CERTIFICATE_STATE_CURRENT)
    return 0xc62828;
  return 0;
}

static Box *
add_row (GapReportLayout      *self,
         const GapReportTable *table,
         int                   row,      /* -1: the header */
         Box                  *header)
{
  Box *box = add_box (self, BOX_TEXT);
  double x = 0;

  box->bordered = TRUE;
  box->header = row < 0;
  box->keep_with_next = row < 0;
  box->table_header = header;
  box->n_cells = table->n_columns;
  box->cells = g_new0 (Cell, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const GapReportColumn *column = &table->columns[c];
      Cell *cell = &box->cells[c];
      Style style = { SIZE_TABLE, row < 0, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
      const GapReportText *text;

      /* The last column takes what rounding left over. */
      cell->x = x;
      cell->width = c + 1 == table->n_columns ? self->content_width - x
                                              : column->width * self->content_width;
      x += cell->width;

      if (row < 0)
        text = &column->title;
      else
        {
          const GapReportCell *value = gap_report_table_get_cell (table, row, c);

          text = &value->text;
          style.colour = cell_colour (column, value);
          if (column->type == GAP_REPORT_VALUE_NUMBER || column->type == GAP_REPORT_VALUE_PERCENT)
            style.align = PANGO_ALIGN_RIGHT;
        }
      cell->layout = make_layout (self, text, &style, MAX (1, cell->width - 2 * CELL_PADDING));
      box->height = MAX (box->height, layout_height (cell->layout) + 2 * CELL_PADDING);
    }
  return box;
}

static void
add_table (GapReportLayout      *self,
           const GapReportTable *table)
{
  static const Style caption = { SIZE_CAPTION, TRUE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
  static const Style empty = { SIZE_BODY, FALSE, TRUE, 0x5f6368, PANGO_ALIGN_LEFT, FALSE };
  guint n_rows = gap_report_table_get_n_rows (table);
  Box *header;

  if (*gap_report_text_get (&table->caption, 0) != '\0')
    add_text (self, &table->caption, &caption, 10)->keep_with_next = TRUE;

  if (n_rows == 0)
    {
      add_text (self, &table->empty, &empty, 3);
      return;
    }

  header = add_row (self, table, -1, NULL);
  header->space_before = 4;
  for (guint r = 0; r < n_rows; r++)
    add_row (self, table, (int) r, header);
}

static void
add_fields (GapReportLayout *self,
            GArray          *fields)
{
  static const Style label = { SIZE_BODY, TRUE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
  double label_width = self->content_width * 0.28;

  for (guint i = 0; i < fields->len; i++)
    {
      const GapReportField *field = &g_array_index (fields, GapReportField, i);
      Box *box = add_box (self, BOX_TEXT);

      box->n_cells = 2;
      box->cells = g_new0 (Cell, 2);
      box->cells[0].width = label_width;
      box->cells[0].layout = make_layout (self, &field->label, &label, label_width - 8);
      box->cells[1].x = label_width;
      box->cells[1].width = self->content_width - label_width;
      box->cells[1].layout = make_layout (self, &field->value, &style_body, box->cells[1].width);
      box->height = MAX (layout_height (box->cells[0].layout), layout_height (box->cells[1].layout));
      box->space_before = i == 0 ? 8 : 3;
    }
}

static double
chart_height (GapReportLayout      *self,
              const GapReportChart *chart)
{
  double row = self->report->n_languages == 2 ? 22 : 14;

  return 150 + chart->n_groups * row + 6;
}

static void
build_boxes (GapReportLayout *self)
{
  static const Style title = { SIZE_TITLE, TRUE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
  static const Style subtitle = { SIZE_SUBTITLE, FALSE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
  static const Style heading = { SIZE_HEADING, TRUE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE };
  GapReport *report = self->report;

  for (guint s = 0; s < report->sections->len; s++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, s);
      Box *head;

      if (s == 0)
        {
          /* The cover: the report's title and organization, then its fields
           * alone on the first page. */
          GapReportText organization = { { report->organization, NULL } };

          head = add_text (self, &report->title, &title, 0);
          add_text (self, &organization, &subtitle, 10);
        }
      else
        {
          /* The appendix starts a page; other sections follow on. */
          if (g_strcmp0 (section->id, "scope") == 0 || s == 1)
            add_box (self, BOX_PAGE_BREAK);
          head = add_text (self, &section->title, &heading, s == 1 ? 0 : 20);
          head->rule_below = TRUE;
          head->height += 4;
          head->keep_with_next = TRUE;
        }
      head->section = (int) s;

      for (guint i = 0; i < section->blocks->len; i++)
        {
          const GapReportBlock *block = g_ptr_array_index (section->blocks, i);
          Box *box;

          switch (block->type)
            {
            case GAP_REPORT_BLOCK_PARAGRAPH:
              /* An introduction: it stays with what it introduces. */
              add_text (self, &block->paragraph, &style_body, 6)->keep_with_next = TRUE;
              break;
            case GAP_REPORT_BLOCK_FIELDS:
              add_fields (self, block->fields);
              break;
            case GAP_REPORT_BLOCK_TABLE:
              add_table (self, block->table);
              break;
            case GAP_REPORT_BLOCK_CHART:
              box = add_box (self, BOX_CHART);
              box->chart = block->chart;
              box->height = chart_height (self, block->chart);
              box->space_before = 10;
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* ---- pagination ---- */

static GArray *
new_page (GapReportLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Box    *box,
       double  y,
       double  from,
       double  to)
{
  Placement placement = { box, y, from, to };

  g_array_append_val (page, placement);
}

/* Where to end a slice of @box that starts at @from with @available room:
 * at a line boundary in every cell, so no text line is cut. */
static double
split_point (Box    *box,
             double  from,
             double  available)
{
  double end = from + available;
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint c = 0; c < box->n_cells; c++)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (box->cells[c].layout);

          do
            {
              PangoRectangle line;
              double top, bottom;

              pango_layout_iter_get_line_extents (iter, NULL, &line);
              top = CELL_PADDING + (double) line.y / PANGO_SCALE;
              bottom = top + (double) line.height / PANGO_SCALE;
              if (top < end && bottom > end && top > from)
                {
                  end = top;
                  moved = TRUE;
                }
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
    }

  /* A single line taller than a page cannot be kept whole. */
  return end > from + 1 ? end : from + available;
}

static void
paginate (GapReportLayout *self)
{
  double top = MARGIN_TOP, bottom = self->page_height - MARGIN_BOTTOM;
  GArray *page = new_page (self);
  double y = top;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = g_ptr_array_index (self->boxes, i);
      double space = y > top ? box->space_before : 0;
      double needed = box->height;

      if (box->kind == BOX_PAGE_BREAK)
        {
          if (y > top)
            {
              page = new_page (self);
              y = top;
            }
          continue;
        }

      /* A heading, caption or table header stays with what follows; of a
       * box taller than a page, with its first lines. */
      for (guint j = i; j + 1 < self->boxes->len; j++)
        {
          Box *this = g_ptr_array_index (self->boxes, j);
          Box *next = g_ptr_array_index (self->boxes, j + 1);

          if (!this->keep_with_next || next->kind == BOX_PAGE_BREAK)
            break;
          needed += next->space_before +
                    (next->height <= bottom - top - HEADER_ROOM ? next->height : MIN_SLICE);
        }
      if (needed > bottom - top)
        needed = box->height;
      /* A box taller than a page starts here if a few lines fit. */
      if (box->height > bottom - top - HEADER_ROOM)
        needed = MIN (needed, MIN_SLICE);

      if (y + space + needed > bottom && y > top)
        {
          page = new_page (self);
          y = top;
          space = 0;
          if (box->table_header != NULL)
            {
              place (page, box->table_header, y, 0, box->table_header->height);
              y += box->table_header->height;
            }
        }

      y += space;
      if (y + box->height <= bottom)
        {
          place (page, box, y, 0, box->height);
          y += box->height;
          continue;
        }

      /* Taller than a page: slices between text lines, each page with the
       * table header again. */
      for (double from = 0; from < box->height;)
        {
          double to = MIN (box->height, split_point (box, from, bottom - y));

          place (page, box, y, from, to);
          y += to - from;
          from = to;
          if (from < box->height)
            {
              page = new_page (self);
              y = top;
              if (box->table_header != NULL)
                {
                  place (page, box->table_header, y, 0, box->table_header->height);
                  y += box->table_header->height;
                }
            }
        }
    }

  /* The outline: where each section's heading landed. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *placements = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < placements->len; i++)
        {
          const Placement *placement = &g_array_index (placements, Placement, i);
          GapReportOutlineEntry entry;

          if (placement->box->section < 0 || placement->from > 0)
            continue;
          entry.section = g_ptr_array_index (self->report->sections, placement->box->section);
          entry.title = gap_report_text_join (&entry.section->title, " / ");
          entry.page = p;
          entry.y = placement->y;
          g_array_append_val (self->outline, entry);
        }
    }
}

static void
outline_entry_clear (gpointer data)
{
  GapReportOutlineEntry *entry = data;

  g_free (entry->title);
}

GapReportLayout *
gap_report_layout_new (GapReport *report,
                       double     page_width,
                       double     page_height)
{
  GapReportLayout *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE + 100, NULL);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 200, NULL);

  self = g_new0 (GapReportLayout, 1);
  self->report = gap_report_ref (report);
  self->page_width = page_width;
  self->page_height = page_height;
  self->content_width = page_width - 2 * MARGIN_SIDE;

  /* Our own context: 72 dpi so that sizes are points, and no hinting, so
   * that what we measure is what a PDF or a printer shows. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  /* At 72 dpi a whole unit is a point: rounded glyph positions put visible
   * gaps inside Latin words ("Examp le"). */
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context,
                              pango_language_from_string (gap_report_get_bcp47 (report, 0)));

  self->boxes = g_ptr_array_new_with_free_func (box_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->outline = g_array_new (FALSE, FALSE, sizeof (GapReportOutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);

  build_boxes (self);
  paginate (self);
  return self;
}

void
gap_report_layout_free (GapReportLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->outline);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->boxes);
  g_object_unref (self->context);
  gap_report_unref (self->report);
  g_free (self);
}

guint
gap_report_layout_get_n_pages (GapReportLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

guint
gap_report_layout_get_n_outline_entries (GapReportLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->outline->len;
}

const GapReportOutlineEntry *
gap_report_layout_get_outline_entry (GapReportLayout *self,
                                     guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->outline->len, NULL);

  return &g_array_index (self->outline, GapReportOutlineEntry, index);
}

/* ---- drawing ---- */

static void
set_colour (cairo_t *cr,
            guint32  colour)
{
  cairo_set_source_rgb (cr, ((colour >> 16) & 0xff) / 255.0, ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

static const guint32 verdict_colours[GAP_N_VERDICTS] = {
  [GAP_VERDICT_EXCLUDED] = 0x9e9e9e,
  [GAP_VERDICT_COVERED] = 0x2e7d32,
  [GAP_VERDICT_PARTIAL] = 0xf9a825,
  [GAP_VERDICT_AT_RISK] = 0xef6c00,
  [GAP_VERDICT_GAP] = 0xc62828,
};

/* A text drawn once, at (x, y). */
static void
show_text (GapReportLayout     *self,
           cairo_t             *cr,
           const GapReportText *text,
           const Style         *style,
           double               x,
           double               y,
           double               width)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, width);

  set_colour (cr, 0x202124);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (GapReportLayout      *self,
            cairo_t              *cr,
            const GapReportChart *chart)
{
  static const Style big = { 20, TRUE, FALSE, 0, PANGO_ALIGN_CENTER, FALSE };
  static const Style small = { SIZE_TABLE, FALSE, FALSE, 0, PANGO_ALIGN_LEFT, TRUE };
  static const Style small_right = { SIZE_TABLE, FALSE, FALSE, 0, PANGO_ALIGN_RIGHT, FALSE };
  const GapVerdict order[] = { GAP_VERDICT_COVERED, GAP_VERDICT_PARTIAL, GAP_VERDICT_AT_RISK,
                               GAP_VERDICT_GAP, GAP_VERDICT_EXCLUDED };
  double row = self->report->n_languages == 2 ? 22 : 14;
  double label_width = self->content_width * 0.45, bar_x = label_width + 6;
  double bar_width = self->content_width - bar_x - 44;
  guint total = 0;
  double x;

  /* Overall coverage as a ring. */
  cairo_set_line_width (cr, 16);
  set_colour (cr, 0xe8eaed);
  cairo_arc (cr, 70, 70, 52, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (chart->coverage > 0)
    {
      set_colour (cr, verdict_colours[GAP_VERDICT_COVERED]);
      cairo_arc (cr, 70, 70, 52, -G_PI / 2, -G_PI / 2 + 2 * G_PI * chart->coverage);
      cairo_stroke (cr);
    }
  show_text (self, cr, &chart->coverage_text, &big, 20, 56, 100);

  /* Items per verdict: a stacked bar and its legend. */
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    total += chart->counts.by_verdict[v];
  x = 160;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double width = total > 0 ? (self->content_width - 160) * chart->counts.by_verdict[order[i]] / total
                               : 0;

      set_colour (cr, verdict_colours[order[i]]);
      cairo_rectangle (cr, x, 18, width, 18);
      cairo_fill (cr);
      x += width;
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double y = 46 + i * 19;
      char count[16];
      GapReportText number = { { count, NULL } };
      g_autofree char *label = gap_report_text_join (&chart->verdict_labels[order[i]], " / ");
      GapReportText label_text = { { label, NULL } };

      g_snprintf (count, sizeof count, "%u", chart->counts.by_verdict[order[i]]);
      set_colour (cr, verdict_colours[order[i]]);
      cairo_rectangle (cr, 160, y + 2, 9, 9);
      cairo_fill (cr);
      show_text (self, cr, &label_text, &small, 175, y, 200);
      show_text (self, cr, &number, &small_right, 380, y, 40);
    }

  /* Coverage per clause, theme or domain. */
  for (guint i = 0; i < chart->n_groups; i++)
    {
      const GapReportChartGroup *group = &chart->groups[i];
      double y = 150 + i * row;
      g_autofree char *label0 = g_strconcat (group->group_id, " ",
                                             gap_report_text_get (&group->title, 0), NULL);
      GapReportText label = { { label0, group->title.text[1] } };
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *percent = g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                                               group->coverage * 100), "%", NULL);
      GapReportText percent_text = { { percent, NULL } };
      Style label_style = small;

      label_style.ellipsize = FALSE;
      show_text (self, cr, &label, &label_style, 0, y, label_width);
      set_colour (cr, 0xe8eaed);
      cairo_rectangle (cr, bar_x, y + 1, bar_width, 10);
      cairo_fill (cr);
      set_colour (cr, verdict_colours[GAP_VERDICT_COVERED]);
      cairo_rectangle (cr, bar_x, y + 1, bar_width * group->coverage, 10);
      cairo_fill (cr);
      show_text (self, cr, &percent_text, &small_right, bar_x + bar_width, y, 44);
    }
}

static void
draw_box (GapReportLayout *self,
          cairo_t         *cr,
          const Box       *box,
          double           from,
          double           to)
{
  if (box->kind == BOX_CHART)
    {
      draw_chart (self, cr, box->chart);
      return;
    }

  if (box->header)
    {
      set_colour (cr, 0xeceff1);
      cairo_rectangle (cr, 0, from, self->content_width, to - from);
      cairo_fill (cr);
    }

  for (guint c = 0; c < box->n_cells; c++)
    {
      const Cell *cell = &box->cells[c];
      double x = cell->x + (box->bordered ? CELL_PADDING : 0);
      double y = box->bordered ? CELL_PADDING : 0;
      PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

      /* Only the lines of this slice: a cell of a thousand pages (1 MiB of
       * notes) drawn whole on each of its pages, clipped, costs the square
       * of its length. */
      set_colour (cr, 0x202124);
      do
        {
          PangoRectangle line;
          double top, bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &line);
          top = y + (double) line.y / PANGO_SCALE;
          bottom = top + (double) line.height / PANGO_SCALE;
          if (bottom < from)
            continue;
          if (top > to)
            break;
          cairo_move_to (cr, x + (double) line.x / PANGO_SCALE,
                         y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (box->bordered)
        {
          set_colour (cr, 0xb0b4b8);
          cairo_set_line_width (cr, 0.5);
          cairo_rectangle (cr, cell->x, from, cell->width, to - from);
          cairo_stroke (cr);
        }
    }

  if (box->rule_below)
    {
      set_colour (cr, 0x202124);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, box->height - 1.5);
      cairo_line_to (cr, self->content_width, box->height - 1.5);
      cairo_stroke (cr);
    }
}

static void
draw_running_text (GapReportLayout *self,
                   cairo_t         *cr,
                   guint            page)
{
  static const Style running = { SIZE_RUNNING, FALSE, FALSE, 0x5f6368, PANGO_ALIGN_LEFT, TRUE };
  GapReport *report = self->report;
  char *parts[2] = { NULL, NULL };
  GapReportText footer;

  if (page > 0)
    {
      g_autofree char *title = gap_report_text_join (&report->title, " / ");
      g_autofree char *line = *report->organization != '\0'
                              ? g_strconcat (title, " — ", report->organization, NULL)
                              : g_strdup (title);
      GapReportText header = { { line, NULL } };

      show_text (self, cr, &header, &running, MARGIN_SIDE, HEADER_Y, self->content_width);
      set_colour (cr, 0xb0b4b8);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_SIDE, HEADER_Y + 13);
      cairo_line_to (cr, MARGIN_SIDE + self->content_width, HEADER_Y + 13);
      cairo_stroke (cr);
    }

  for (guint slot = 0; slot < report->n_languages; slot++)
    parts[slot] = g_strdup_printf (_gap_gettext_for (report->languages[slot], N_("Page %u of %u")),
                                   page + 1, self->pages->len);
  footer.text[0] = parts[0];
  footer.text[1] = NULL;
  if (parts[1] != NULL)
    {
      footer.text[0] = g_strconcat (parts[0], "  ·  ", parts[1], NULL);
      g_free (parts[0]);
      g_free (parts[1]);
    }
  {
    Style centred = running;

    centred.align = PANGO_ALIGN_CENTER;
    show_text (self, cr, &footer, &centred, MARGIN_SIDE,
               self->page_height - MARGIN_BOTTOM + FOOTER_GAP, self->content_width);
  }
  g_free (footer.text[0]);
}

void
gap_report_layout_draw_page (GapReportLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_running_text (self, cr, page);

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, placement->y - placement->from);
      /* A little slack below so descenders and borders are not clipped. */
      cairo_rectangle (cr, -2, placement->from - 1, self->content_width + 4,
                       placement->to - placement->from + 1.5);
      cairo_clip (cr);
      draw_box (self, cr, placement->box, placement->from, placement->to);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}
