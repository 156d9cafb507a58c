export * from './types';
export { createMemoryOutboxStore } from './memory';
export { createPrismaOutboxStore, type PrismaOutboxClient } from './prisma';
export { deliverOnce, deliveryFailure, type DeliveryFailure, type DeliveryResult } from './deliver';
