/* gap-coverage-chart.c — verdict counts drawn as a ring or a bar
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with cairo in snapshot(). The colours are the theme's named colours,
 * the same as the verdict badges in gap-pages.css, so the chart follows the
 * light and dark styles. A drawing says nothing to a screen reader, so the
 * numbers are also the widget's accessible label.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gap-coverage-chart.h"

struct _GapCoverageChart
{
  GtkWidget             parent_instance;

  GapCoverageChartShape shape;
  GapCounts             counts;
  char                 *label;
};

G_DEFINE_ENUM_TYPE (GapCoverageChartShape, gap_coverage_chart_shape,
                    G_DEFINE_ENUM_VALUE (GAP_COVERAGE_CHART_RING, "ring"),
                    G_DEFINE_ENUM_VALUE (GAP_COVERAGE_CHART_BAR, "bar"))

G_DEFINE_FINAL_TYPE (GapCoverageChart, gap_coverage_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHAPE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Drawing order: the good news first, clockwise from the top. */
static const GapVerdict draw_order[GAP_N_VERDICTS] = {
  GAP_VERDICT_COVERED,
  GAP_VERDICT_PARTIAL,
  GAP_VERDICT_AT_RISK,
  GAP_VERDICT_GAP,
  GAP_VERDICT_EXCLUDED,
};

static int
coverage_percent (const GapCounts *counts)
{
  /* Rounded down: 99.6 % is not "100 %" while a gap is open. */
  return (int) floor (gap_counts_get_coverage (counts) * 100.0 + 1e-9);
}

/* gtk_widget_get_color() is GTK 4.10; the style context is the 4.8 way. */
static void
foreground_color (GtkWidget *widget,
                  GdkRGBA   *rgba)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
}

static void
verdict_color (GtkWidget  *widget,
               GapVerdict  verdict,
               GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const char *name = NULL;
  const char *fallback = NULL;

  switch (verdict)
    {
    case GAP_VERDICT_COVERED:  name = "success_color"; fallback = "#26a269"; break;
    case GAP_VERDICT_PARTIAL:  name = "accent_color";  fallback = "#3584e4"; break;
    case GAP_VERDICT_AT_RISK:  name = "warning_color"; fallback = "#cd9309"; break;
    case GAP_VERDICT_GAP:      name = "error_color";   fallback = "#e01b24"; break;
    case GAP_VERDICT_EXCLUDED:
    default:
      foreground_color (widget, rgba);
      rgba->alpha *= 0.25f;
      return;
    }

  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

static void
track_color (GtkWidget *widget,
             GdkRGBA   *rgba)
{
  foreground_color (widget, rgba);
  rgba->alpha *= 0.1f;
}

char *
gap_coverage_chart_describe (GapCoverageChart *self)
{
  GString *str;

  g_return_val_if_fail (GAP_IS_COVERAGE_CHART (self), NULL);

  str = g_string_new (NULL);
  if (self->label != NULL && self->label[0] != '\0')
    {
      g_string_append (str, self->label);
      /* Translators: between a group's name and its coverage */
      g_string_append (str, _(": "));
    }

  g_string_append_printf (str,
                          /* Translators: the first %d is a percentage */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "coverage %d%% of %u applicable item",
                                       "coverage %d%% of %u applicable items",
                                       self->counts.applicable),
                          coverage_percent (&self->counts), self->counts.applicable);

  for (guint i = 0; i < GAP_N_VERDICTS; i++)
    {
      GapVerdict v = draw_order[i];

      /* Translators: separates the verdict counts of a chart's description */
      g_string_append (str, i == 0 ? C_("verdict counts", "; ") : C_("verdict counts", ", "));
      /* Translators: a verdict and its count, "Covered: 12" */
      g_string_append_printf (str, _("%s: %u"), gap_verdict_get_label (v), self->counts.by_verdict[v]);
    }

  return g_string_free (str, FALSE);
}

static void
update_accessible (GapCoverageChart *self)
{
  g_autofree char *text = gap_coverage_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_bar (GapCoverageChart *self,
          cairo_t          *cr,
          double            width,
          double            height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x = 0;
  GdkRGBA rgba;

  track_color (widget, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  rounded_rect (cr, 0, 0, width, height, height / 2);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  if (self->counts.applicable == 0)
    return;

  /* Excluded items are outside coverage: the bar is the applicable ones. */
  for (guint i = 0; i < GAP_N_VERDICTS; i++)
    {
      GapVerdict v = draw_order[i];
      double w;

      if (v == GAP_VERDICT_EXCLUDED || self->counts.by_verdict[v] == 0)
        continue;

      w = width * self->counts.by_verdict[v] / self->counts.applicable;
      verdict_color (widget, v, &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_rectangle (cr, x, 0, w, height);
      cairo_fill (cr);
      x += w;
    }
}

static void
draw_ring (GapCoverageChart *self,
           cairo_t          *cr,
           double            width,
           double            height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double size = MIN (width, height);
  double thickness = MAX (8.0, size * 0.13);
  double radius = (size - thickness) / 2.0;
  double cx = width / 2.0;
  double cy = height / 2.0;
  double angle = -G_PI / 2;
  GdkRGBA rgba;

  cairo_set_line_width (cr, thickness);

  track_color (widget, &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (self->counts.total == 0)
    return;

  for (guint i = 0; i < GAP_N_VERDICTS; i++)
    {
      GapVerdict v = draw_order[i];
      double sweep;

      if (self->counts.by_verdict[v] == 0)
        continue;

      sweep = 2 * G_PI * self->counts.by_verdict[v] / self->counts.total;
      verdict_color (widget, v, &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_arc (cr, cx, cy, radius, angle, angle + sweep);
      cairo_stroke (cr);
      angle += sweep;
    }
}

static void
snapshot_center_text (GapCoverageChart *self,
                      GtkSnapshot      *snapshot,
                      double            width,
                      double            height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) big = NULL;
  g_autoptr(PangoLayout) small = NULL;
  g_autofree char *percent = NULL;
  PangoAttrList *attrs;
  GdkRGBA fg;
  GdkRGBA dim;
  int bw, bh, sw, sh;

  if (self->counts.applicable > 0)
    /* Translators: the coverage in the middle of the ring, "62%" */
    percent = g_strdup_printf (_("%d%%"), coverage_percent (&self->counts));
  else
    percent = g_strdup ("–");

  big = gtk_widget_create_pango_layout (widget, percent);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (MIN (width, height) >= 140 ? 2.2 : 1.5));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_HEAVY));
  pango_layout_set_attributes (big, attrs);
  pango_attr_list_unref (attrs);

  small = gtk_widget_create_pango_layout (widget, _("coverage"));

  pango_layout_get_pixel_size (big, &bw, &bh);
  pango_layout_get_pixel_size (small, &sw, &sh);

  foreground_color (widget, &fg);
  dim = fg;
  dim.alpha *= 0.7f;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - bw) / 2.0,
                                                          (height - bh - sh) / 2.0));
  gtk_snapshot_append_layout (snapshot, big, &fg);
  gtk_snapshot_restore (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - sw) / 2.0,
                                                          (height - bh - sh) / 2.0 + bh));
  gtk_snapshot_append_layout (snapshot, small, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
gap_coverage_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GapCoverageChart *self = GAP_COVERAGE_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->shape == GAP_COVERAGE_CHART_RING)
    draw_ring (self, cr, width, height);
  else
    draw_bar (self, cr, width, height);
  cairo_destroy (cr);

  if (self->shape == GAP_COVERAGE_CHART_RING)
    snapshot_center_text (self, snapshot, width, height);
}

static void
gap_coverage_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GapCoverageChart *self = GAP_COVERAGE_CHART (widget);

  if (self->shape == GAP_COVERAGE_CHART_RING)
    {
      *minimum = 128;
      *natural = 176;
    }
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 240;
    }
  else
    {
      *minimum = 8;
      *natural = 8;
    }
}

static void
gap_coverage_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gap_coverage_chart_parent_class)->css_changed (widget, change);

  /* The named colours may have changed with the style (dark, high contrast). */
  gtk_widget_queue_draw (widget);
}

GapCoverageChartShape
gap_coverage_chart_get_shape (GapCoverageChart *self)
{
  g_return_val_if_fail (GAP_IS_COVERAGE_CHART (self), GAP_COVERAGE_CHART_RING);

  return self->shape;
}

void
gap_coverage_chart_set_shape (GapCoverageChart      *self,
                              GapCoverageChartShape  shape)
{
  g_return_if_fail (GAP_IS_COVERAGE_CHART (self));

  if (self->shape == shape)
    return;

  self->shape = shape;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPE]);
}

void
gap_coverage_chart_set_counts (GapCoverageChart *self,
                               const GapCounts  *counts)
{
  g_return_if_fail (GAP_IS_COVERAGE_CHART (self));

  if (counts != NULL)
    {
      if (memcmp (&self->counts, counts, sizeof *counts) == 0)
        return;
      self->counts = *counts;
    }
  else
    memset (&self->counts, 0, sizeof self->counts);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
gap_coverage_chart_get_label (GapCoverageChart *self)
{
  g_return_val_if_fail (GAP_IS_COVERAGE_CHART (self), NULL);

  return self->label;
}

void
gap_coverage_chart_set_label (GapCoverageChart *self,
                              const char       *label)
{
  g_return_if_fail (GAP_IS_COVERAGE_CHART (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
gap_coverage_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GapCoverageChart *self = GAP_COVERAGE_CHART (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      g_value_set_enum (value, self->shape);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_coverage_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GapCoverageChart *self = GAP_COVERAGE_CHART (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      gap_coverage_chart_set_shape (self, g_value_get_enum (value));
      break;

    case PROP_LABEL:
      gap_coverage_chart_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_coverage_chart_finalize (GObject *object)
{
  GapCoverageChart *self = GAP_COVERAGE_CHART (object);

  g_free (self->label);

  G_OBJECT_CLASS (gap_coverage_chart_parent_class)->finalize (object);
}

static void
gap_coverage_chart_class_init (GapCoverageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gap_coverage_chart_finalize;
  object_class->get_property = gap_coverage_chart_get_property;
  object_class->set_property = gap_coverage_chart_set_property;

  widget_class->snapshot = gap_coverage_chart_snapshot;
  widget_class->measure = gap_coverage_chart_measure;
  widget_class->css_changed = gap_coverage_chart_css_changed;

  properties[PROP_SHAPE] =
    g_param_spec_enum ("shape", NULL, NULL,
                       GAP_TYPE_COVERAGE_CHART_SHAPE, GAP_COVERAGE_CHART_RING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "gapcoveragechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gap_coverage_chart_init (GapCoverageChart *self)
{
  self->shape = GAP_COVERAGE_CHART_RING;
  update_accessible (self);
}

GtkWidget *
gap_coverage_chart_new (GapCoverageChartShape shape)
{
  return g_object_new (GAP_TYPE_COVERAGE_CHART, "shape", shape, NULL);
}
