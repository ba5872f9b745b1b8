/* gap-date-row.c — a row showing an optional date with a calendar picker
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-date-row.h"
#include "gap-util.h"

struct _GapDateRow
{
  AdwActionRow  parent_instance;

  char         *date;

  GtkMenuButton *menu_button;
  GtkButton     *clear_button;
  /* Built when first opened: a calendar per row made the services page,
   * with a date row per certificate, slow to build. */
  GtkPopover    *popover;
  GtkCalendar   *calendar;

  guint          selecting : 1;
};

G_DEFINE_FINAL_TYPE (GapDateRow, gap_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

enum {
  DATE_PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gap_date_row_update (GapDateRow *self)
{
  gboolean set = self->date[0] != '\0';

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), set ? self->date : _("Not set"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), set);
}

static void
popover_show_cb (GapDateRow *self)
{
  g_autoptr(GDate) date = gap_date_from_iso (self->date);
  g_autoptr(GDateTime) dt = NULL;

  if (date != NULL)
    dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
  else
    dt = g_date_time_new_now_local ();

  /* Showing the current value is not a choice by the user. */
  self->selecting = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->selecting = FALSE;
}

static void
day_selected_cb (GapDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->selecting)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[DATE_PICKED], 0, iso);
}

static void
create_popup_cb (GtkMenuButton *menu_button,
                 gpointer       user_data)
{
  GapDateRow *self = user_data;

  if (self->popover != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (menu_button, GTK_WIDGET (self->popover));
}

static void
clear_clicked_cb (GapDateRow *self)
{
  g_signal_emit (self, signals[DATE_PICKED], 0, "");
}

static void
gap_date_row_finalize (GObject *object)
{
  GapDateRow *self = (GapDateRow *)object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (gap_date_row_parent_class)->finalize (object);
}

static void
gap_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GAP_TYPE_DATE_ROW);

  G_OBJECT_CLASS (gap_date_row_parent_class)->dispose (object);
}

static void
gap_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GapDateRow *self = GAP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GapDateRow *self = GAP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      gap_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_date_row_class_init (GapDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_date_row_dispose;
  object_class->finalize = gap_date_row_finalize;
  object_class->get_property = gap_date_row_get_property;
  object_class->set_property = gap_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user picked a date ("" when cleared). */
  signals[DATE_PICKED] =
    g_signal_new ("date-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GapDateRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GapDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
gap_date_row_init (GapDateRow *self)
{
  self->date = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gap_widget_set_tooltip (GTK_WIDGET (self->menu_button), _("Pick a Date"));
  gap_widget_set_tooltip (GTK_WIDGET (self->clear_button), _("Clear the Date"));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gap_date_row_update (self);
}

GtkWidget *
gap_date_row_new (void)
{
  return g_object_new (GAP_TYPE_DATE_ROW, NULL);
}

const char *
gap_date_row_get_date (GapDateRow *self)
{
  g_return_val_if_fail (GAP_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
gap_date_row_set_date (GapDateRow *self,
                       const char *date)
{
  g_return_if_fail (GAP_IS_DATE_ROW (self));

  if (date == NULL)
    date = "";

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  gap_date_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
