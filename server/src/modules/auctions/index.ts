export { createAuctionsRepo, type AuctionsRepo } from './auctions.repo';
export { createAuctionsService, type AuctionsService, type AuctionsDeps, AUCTION_CLOSE_JOB } from './auctions.service';
export { auctionsRoutes } from './auctions.routes';
