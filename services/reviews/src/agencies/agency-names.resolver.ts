import { agencyNamesResolver } from '@scr/graphql-kit';
import { AgencyReference } from './agency.reference';

/** An agency's name and sector from this subgraph's copy of the directory: no call to the directory to show them. */
export const AgencyNamesResolver = agencyNamesResolver(AgencyReference);
