/** Where the home card's button takes the parent (the page maps each to a route). */
export const HOME_CARD_TARGETS = ['application', 'apply', 'upkeep', 'district', 'notice'] as const;
/** How the home card is drawn: a window open, one ahead, all over, or the service in maintenance. */
export const HOME_CARD_TONES = ['active', 'waiting', 'closed', 'maintenance'] as const;
