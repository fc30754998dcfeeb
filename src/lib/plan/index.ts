export { parsePlan, isPlanText } from './parsePlan';
export { parseTarget, numberWord } from './target';
export { ownersText, parseOwners, splitTopLevel } from './owners';
export { parseDeadline } from './deadline';
export { activityFromText, normaliseActivityId, ACTIVITY_ID, type ActivityText } from './activity';
export { ORGANISATIONS, organisationName, knownOrganisation, isKnownOrganisation } from './organisations';
export { DIRECTION_NAMES_ET, DIRECTION_NAMES_EN, directionName } from './directions';
