import { launch } from './launcher/launch';

/** `pnpm start`: the four subgraphs and the gateway, each its own process, with demo data on an empty platform unless SEED_DEMO=0. */
launch();
