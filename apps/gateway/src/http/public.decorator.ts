import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'tps:public-route';

/** Lets a route through without a session or token; the actor is set when one is present. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
