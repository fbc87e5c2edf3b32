import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * One meeting as an iCalendar invitation (RFC 5545/5546) for one recipient. The uid stays the same for the life of
 * the meeting and the sequence grows with each change, so calendar programs update or cancel the event they already
 * hold instead of adding a second one. Times are written in UTC; calendars show them in the reader's zone.
 */
export function meetingInvite(e: {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  organizer: { name: string; email: string };
  attendee: string;
}): string {
  const calendar = ical({ prodId: { company: "ODOP Hub", product: "committees", language: "EN" } });
  // A method makes it an invitation (Outlook needs it): REQUEST for a new or changed meeting, CANCEL for a called-off one.
  calendar.method(e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: e.start,
    end: e.end,
    summary: e.summary,
    description: e.description,
    location: e.location,
    url: e.url,
    organizer: e.organizer,
    attendees: [{ email: e.attendee, rsvp: false }],
  });
  return calendar.toString();
}

/** Several meetings in one calendar file (a participant's whole diary), published rather than sent as invitations. */
export function meetingsCalendar(
  entries: {
    uid: string;
    sequence: number;
    start: Date;
    end: Date;
    summary: string;
    description: string;
    location: string | null;
    url: string;
  }[],
  opts: { name?: string } = {},
): string {
  const calendar = ical({
    prodId: { company: "ODOP Hub", product: "events", language: "EN" },
    name: opts.name ?? null,
  });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const e of entries)
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: e.start,
      end: e.end,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
    });
  return calendar.toString();
}
