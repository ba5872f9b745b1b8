/* gap-control-row.c — one assessment in a list: ID, title, verdict badge, responsibility
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled by GtkListView: bind() points a row at another
 * assessment, and the page calls update() on the rows it has bound when the
 * core says something changed, so a row never outlives its data.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gap-control-row.h"
#include "gap-util.h"

/* ---- the title: one PangoLayout drawn as it is ----
 *
 * A GtkLabel that wraps lays its text out several times per measure (its
 * smallest, natural and height-for-width sizes), and a list shows some 30
 * new rows after each keystroke that changes the filter (GTK 4.8 builds new
 * row widgets then): the title was most of a keystroke's time. This one
 * lays its text out once, at the width it is given: up to two lines,
 * ellipsized, like the label it replaces. Its width request is that
 * label's width-chars and max-width-chars, without looking at the text:
 * in the row it is the one child that can shrink, and the one that
 * expands, so the room it gets is the same either way. */

#define TITLE_MIN_CHARS 8
#define TITLE_MAX_CHARS 60
#define TITLE_LINES     2

G_DECLARE_FINAL_TYPE (GapRowTitle, gap_row_title, GAP, ROW_TITLE, GtkWidget)

struct _GapRowTitle
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;
  guint        context_serial;
};

G_DEFINE_FINAL_TYPE (GapRowTitle, gap_row_title, GTK_TYPE_WIDGET)

static PangoLayout *
gap_row_title_get_layout (GapRowTitle *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -TITLE_LINES);
      self->context_serial = pango_context_get_serial (pango_layout_get_context (self->layout));
    }
  return self->layout;
}

/* The width of @chars characters of the widget's font, as GtkLabel counts
 * them. Looking the metrics up costs more than a row: the last font's are
 * kept. */
static int
gap_row_title_chars_width (GapRowTitle *self,
                           int          chars)
{
  static PangoFontDescription *font;
  static int char_width;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *current = pango_context_get_font_description (context);

  if (font == NULL || !pango_font_description_equal (font, current))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, current, NULL);

      char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
      pango_font_metrics_unref (metrics);
      g_clear_pointer (&font, pango_font_description_free);
      font = pango_font_description_copy (current);
    }
  return PANGO_PIXELS_CEIL (char_width * chars);
}

static void
gap_row_title_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GapRowTitle *self = GAP_ROW_TITLE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = gap_row_title_chars_width (self, TITLE_MIN_CHARS);
      *natural = gap_row_title_chars_width (self, TITLE_MAX_CHARS);
    }
  else
    {
      PangoLayout *layout = gap_row_title_get_layout (self);
      int height;

      /* The same width as the allocation that follows: laid out once. */
      pango_layout_set_width (layout, for_size < 0 ? -1 : for_size * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &height);
      *minimum = *natural = height;
    }
}

static GtkSizeRequestMode
gap_row_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gap_row_title_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GapRowTitle *self = GAP_ROW_TITLE (widget);

  pango_layout_set_width (gap_row_title_get_layout (self), width * PANGO_SCALE);
}

static void
gap_row_title_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GapRowTitle *self = GAP_ROW_TITLE (widget);
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0')
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_layout (snapshot, gap_row_title_get_layout (self), &color);
}

static void
gap_row_title_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GapRowTitle *self = GAP_ROW_TITLE (widget);

  GTK_WIDGET_CLASS (gap_row_title_parent_class)->css_changed (widget, change);

  /* GtkWidget has brought its PangoContext up to date with the font;
   * a change of state (hover, selection) leaves the layout alone. */
  if (self->layout != NULL &&
      pango_context_get_serial (pango_layout_get_context (self->layout)) != self->context_serial)
    {
      pango_layout_context_changed (self->layout);
      self->context_serial = pango_context_get_serial (pango_layout_get_context (self->layout));
      gtk_widget_queue_resize (widget);
    }
}

static void
gap_row_title_set_text (GapRowTitle *self,
                        const char  *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
gap_row_title_finalize (GObject *object)
{
  GapRowTitle *self = GAP_ROW_TITLE (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gap_row_title_parent_class)->finalize (object);
}

static void
gap_row_title_class_init (GapRowTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gap_row_title_finalize;
  widget_class->measure = gap_row_title_measure;
  widget_class->get_request_mode = gap_row_title_get_request_mode;
  widget_class->size_allocate = gap_row_title_size_allocate;
  widget_class->snapshot = gap_row_title_snapshot;
  widget_class->css_changed = gap_row_title_css_changed;
  /* Styled and read like the label it replaces. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
gap_row_title_init (GapRowTitle *self)
{
}

/* ---- the row ---- */

struct _GapControlRow
{
  GtkWidget          parent_instance;

  GapAssessment     *assessment;
  GapAnalysis       *analysis;
  GapVerdict         verdict;
  GapResponsibility  responsibility;
  gboolean           show_details;

  GtkLabel          *heading_label;   /* made when first needed */
  GtkWidget         *content;
  GtkLabel          *id_label;
  GtkWidget         *text_box;        /* made with the details label */
  GapRowTitle       *title;
  GtkImage          *responsibility_image;
  GtkLabel          *verdict_label;
  GtkLabel          *details_label;   /* made when first needed */
};

G_DEFINE_FINAL_TYPE (GapControlRow, gap_control_row, GTK_TYPE_WIDGET)

const char *
gap_gui_verdict_style_class (GapVerdict verdict)
{
  switch (verdict)
    {
    case GAP_VERDICT_EXCLUDED: return "verdict-excluded";
    case GAP_VERDICT_COVERED:  return "verdict-covered";
    case GAP_VERDICT_PARTIAL:  return "verdict-partial";
    case GAP_VERDICT_AT_RISK:  return "verdict-at-risk";
    case GAP_VERDICT_GAP:      return "verdict-gap";
    default:                   g_return_val_if_reached ("verdict-gap");
    }
}

const char *
gap_gui_responsibility_icon_name (GapResponsibility responsibility)
{
  switch (responsibility)
    {
    case GAP_RESPONSIBILITY_ORGANIZATION: return "avatar-default-symbolic";
    case GAP_RESPONSIBILITY_SHARED:       return "emblem-shared-symbolic";
    case GAP_RESPONSIBILITY_INHERITED:    return "network-server-symbolic";
    default:                              g_return_val_if_reached ("avatar-default-symbolic");
    }
}

void
gap_gui_ensure_style (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/ui/gap-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded_for = display;
}

char *
gap_gui_group_heading (GapGroup   *group,
                       GapEdition  edition)
{
  const char *id = gap_group_get_id (group);
  const char *title = gap_group_get_title (group, NULL);

  g_return_val_if_fail (GAP_IS_GROUP (group), NULL);

  if (gap_group_get_kind (group) == GAP_CONTROL_KIND_CLAUSE)
    /* Translators: a clause heading, "Clause 4 · Context of the organization" */
    return g_strdup_printf (_("Clause %s · %s"), id, title);

  /* Translators: an Annex A theme or domain heading, "Annex A.5 · Organizational controls" */
  return g_strdup_printf (_("Annex %s · %s"), id, title);
}

GapGroup *
gap_gui_find_group (GapCatalog     *catalog,
                    GapEdition      edition,
                    GapControlKind  kind,
                    const char     *group_id)
{
  GListModel *groups;
  guint n;

  g_return_val_if_fail (GAP_IS_CATALOG (catalog), NULL);

  if (group_id == NULL)
    return NULL;

  groups = gap_catalog_get_groups (catalog, edition);
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

      if (gap_group_get_kind (group) == kind && g_strcmp0 (gap_group_get_id (group), group_id) == 0)
        return group;
    }

  return NULL;
}

/* GtkLabel lays its text out again even when it is set to the same text:
 * rows are bound again and their headings set at every refilter. */
static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
set_verdict (GapControlRow *self,
             GapVerdict     verdict)
{
  GtkWidget *badge = GTK_WIDGET (self->verdict_label);

  if (verdict == self->verdict)
    return;

  gtk_widget_remove_css_class (badge, gap_gui_verdict_style_class (self->verdict));
  self->verdict = verdict;
  gtk_widget_add_css_class (badge, gap_gui_verdict_style_class (verdict));
  gtk_label_set_label (self->verdict_label, gap_verdict_get_label (verdict));
}

static char *
responsibility_text (GapResponsibility responsibility)
{
  /* Translators: tooltip of a row's icon; %s is "Organization", "Shared" or "Inherited" */
  return g_strdup_printf (_("Responsibility: %s"), gap_responsibility_get_label (responsibility));
}

static void
set_responsibility (GapControlRow     *self,
                    GapResponsibility  responsibility)
{
  g_autofree char *text = NULL;

  if (responsibility == self->responsibility)
    return;

  self->responsibility = responsibility;
  gtk_image_set_from_icon_name (self->responsibility_image,
                                gap_gui_responsibility_icon_name (responsibility));
  text = responsibility_text (responsibility);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->responsibility_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* The tooltip is asked for when the pointer rests on the icon: setting it
 * at every bind made GTK look for the pointer (on X11 a round trip to the
 * server per row). */
static gboolean
responsibility_query_tooltip_cb (GtkWidget     *image,
                                 int            x,
                                 int            y,
                                 gboolean       keyboard_mode,
                                 GtkTooltip    *tooltip,
                                 GapControlRow *self)
{
  g_autofree char *text = gap_control_row_dup_tooltip_text (self);

  if (text == NULL)
    return FALSE;

  /* Not gtk_tooltip_set_text(): GTK 4.8 sizes Chinese text one character wide. */
  gap_tooltip_set_text (tooltip, text);
  return TRUE;
}

static char *
format_details (GapAssessment *assessment)
{
  GString *str = g_string_new (NULL);
  GapPriority priority = gap_assessment_get_priority (assessment);
  const char *due = gap_assessment_get_due_date (assessment);
  const char *owner = gap_assessment_get_owner (assessment);
  /* Translators: separates the parts of a row's second line */
  const char *sep = _(" · ");

  if (priority != GAP_PRIORITY_NONE)
    /* Translators: %s is a priority label such as "High" */
    g_string_append_printf (str, _("Priority: %s"), gap_priority_get_label (priority));
  if (due != NULL && due[0] != '\0')
    {
      if (str->len > 0)
        g_string_append (str, sep);
      /* Translators: %s is an ISO date such as 2026-05-31 */
      g_string_append_printf (str, _("Due %s"), due);
    }
  if (owner != NULL && owner[0] != '\0')
    {
      if (str->len > 0)
        g_string_append (str, sep);
      /* Translators: %s is the name of the person responsible */
      g_string_append_printf (str, _("Owner: %s"), owner);
    }

  return g_string_free (str, FALSE);
}

static void
ensure_details_label (GapControlRow *self)
{
  GtkWidget *title = GTK_WIDGET (self->title);

  if (self->details_label != NULL)
    return;

  /* The title and the details line below it, in the title's place. */
  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  gtk_widget_set_valign (self->text_box, GTK_ALIGN_CENTER);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->text_box, GTK_WIDGET (self->id_label));
  g_object_ref (title);
  gtk_box_remove (GTK_BOX (self->content), title);
  gtk_widget_set_valign (title, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (self->text_box), title);
  g_object_unref (title);

  self->details_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details_label, 0);
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_label_set_wrap_mode (self->details_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_box_append (GTK_BOX (self->text_box), GTK_WIDGET (self->details_label));
}

void
gap_control_row_update (GapControlRow *self)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  if (self->assessment == NULL)
    return;

  if (self->analysis != NULL)
    set_verdict (self, gap_analysis_get_verdict (self->analysis, self->assessment));
  set_responsibility (self, gap_assessment_get_responsibility (self->assessment));

  if (self->show_details)
    {
      g_autofree char *details = format_details (self->assessment);

      ensure_details_label (self);
      set_label_text (self->details_label, details);
      gtk_widget_set_visible (GTK_WIDGET (self->details_label), details[0] != '\0');
    }
}

void
gap_control_row_bind (GapControlRow *self,
                      GapAssessment *assessment,
                      GapAnalysis   *analysis)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));
  g_return_if_fail (assessment == NULL || GAP_IS_ASSESSMENT (assessment));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  g_set_object (&self->assessment, assessment);
  g_set_object (&self->analysis, analysis);

  if (assessment == NULL)
    return;

  set_label_text (self->id_label, gap_assessment_get_control_id (assessment));
  gap_row_title_set_text (self->title,
                          gap_control_get_title (gap_assessment_get_control (assessment), NULL));
  gap_control_row_update (self);
}

GapAssessment *
gap_control_row_get_assessment (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  return self->assessment;
}

void
gap_control_row_set_heading (GapControlRow *self,
                             const char    *heading)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  /* Most rows never show one: the label is made for those that do. */
  if (heading == NULL && self->heading_label == NULL)
    return;
  if (self->heading_label == NULL)
    {
      self->heading_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->heading_label, 0);
      gtk_label_set_wrap (self->heading_label, TRUE);
      gtk_label_set_wrap_mode (self->heading_label, PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "gap-group-heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "heading");
      gtk_widget_insert_after (GTK_WIDGET (self->heading_label), GTK_WIDGET (self), NULL);
    }

  if (heading != NULL)
    set_label_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
}

gboolean
gap_control_row_get_heading_visible (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), FALSE);

  return self->heading_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->heading_label));
}

void
gap_control_row_set_show_details (GapControlRow *self,
                                  gboolean       show_details)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  self->show_details = !!show_details;
  if (!self->show_details && self->details_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gap_control_row_update (self);
}

const char *
gap_control_row_get_verdict_text (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  return gtk_label_get_label (self->verdict_label);
}

const char *
gap_control_row_get_title_text (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  return self->title->text;
}

char *
gap_control_row_dup_tooltip_text (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  if (self->assessment == NULL)
    return NULL;
  return responsibility_text (self->responsibility);
}

void
gap_control_row_bind_list_item (GtkListItem *list_item,
                                GapAnalysis *analysis,
                                GHashTable  *bound_rows)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));

  gap_control_row_bind (row, gtk_list_item_get_item (list_item), analysis);
  g_hash_table_add (bound_rows, row);
}

void
gap_control_row_unbind_list_item (GtkListItem *list_item,
                                  GHashTable  *bound_rows)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (bound_rows, row);
  gap_control_row_bind (row, NULL, NULL);
}

void
gap_control_row_update_all (GHashTable *bound_rows)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    gap_control_row_update (row);
}

static void
gap_control_row_dispose (GObject *object)
{
  GapControlRow *self = GAP_CONTROL_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->assessment);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (gap_control_row_parent_class)->dispose (object);
}

static void
gap_control_row_class_init (GapControlRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_control_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapcontrolrow");
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *style_class,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  va_start (args, style_class);
  for (const char *c = style_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* Built in code rather than from a template: a list builds some 30 rows
 * per keystroke that changes the filter, and parsing the template was a
 * tenth of that. The group heading and the details line are made only for
 * the rows that show them. */
static void
gap_control_row_init (GapControlRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);

  self->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (self->content, "gap-row-content");
  gtk_widget_set_parent (self->content, widget);

  self->id_label = add_label (self->content, "numeric", "caption-heading", "gap-row-id", NULL);
  gtk_label_set_xalign (self->id_label, 0);
  gtk_label_set_yalign (self->id_label, 0);
  gtk_label_set_width_chars (self->id_label, 7);

  self->title = g_object_new (gap_row_title_get_type (), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->title), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->title));

  self->verdict = GAP_VERDICT_GAP;
  self->verdict_label = add_label (self->content, "verdict-badge",
                                   gap_gui_verdict_style_class (self->verdict), NULL);
  gtk_widget_set_valign (GTK_WIDGET (self->verdict_label), GTK_ALIGN_CENTER);
  gtk_label_set_justify (self->verdict_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_label (self->verdict_label, gap_verdict_get_label (self->verdict));

  self->responsibility = GAP_RESPONSIBILITY_ORGANIZATION;
  self->responsibility_image =
    GTK_IMAGE (gtk_image_new_from_icon_name (gap_gui_responsibility_icon_name (self->responsibility)));
  gtk_widget_set_valign (GTK_WIDGET (self->responsibility_image), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->responsibility_image), "dim-label");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->responsibility_image), TRUE);
  g_signal_connect (self->responsibility_image, "query-tooltip",
                    G_CALLBACK (responsibility_query_tooltip_cb), self);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->responsibility_image));
  {
    g_autofree char *text = responsibility_text (self->responsibility);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->responsibility_image),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
  }
}

GtkWidget *
gap_control_row_new (void)
{
  return g_object_new (GAP_TYPE_CONTROL_ROW, NULL);
}
