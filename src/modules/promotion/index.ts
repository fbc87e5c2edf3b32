/**
 * promotion: events, registration and attendance, buyer-seller meets and their matching, gift catalogues. So far the
 * matching and scheduling of a meet across time zones (pure functions); the events and pages come next.
 */
export {
  candidatePairs,
  type MatchInput,
  type Meeting,
  matchAndSchedule,
  type Participant,
  tiers,
} from "./matching";
export { availableHours, type Interval, meetingSlots } from "./slots";
