/**
 * Stands in for `@googlemaps/google-maps-services-js` when the banking template's index.js runs
 * in a test: a `Client` whose answers depend only on what it is asked, in the shape of the Maps
 * APIs' JSON, so that both libraries see the same backend. Addresses containing "nowhere" do not
 * geocode, "offline" fails like a network error; the organization "PNC" has no branch near by,
 * and "Truist" has a branch without details.
 */
'use strict';

const BRANCHES = ['100 Main St', '200 Park Ave', '300 Lake Shore Dr', '400 River Rd'];

class Client {
  geocode({ params }) {
    const address = String(params.address).toLowerCase();
    if (address.includes('offline')) return Promise.reject(new Error('connect ETIMEDOUT'));
    if (address.includes('nowhere')) return Promise.resolve({ data: { status: 'ZERO_RESULTS', results: [], error_message: 'no such address' } });
    return Promise.resolve({ data: { status: 'OK', results: [{ geometry: { location: { lat: 41.8781, lng: -87.6298 } } }] } });
  }

  findPlaceFromText({ params }) {
    if (params.input === 'PNC') return Promise.resolve({ data: { candidates: [] } });
    return Promise.resolve({ data: { candidates: [{ place_id: `place-${params.input}`, name: `${params.input} Downtown` }] } });
  }

  placeDetails({ params }) {
    if (params.place_id === 'place-Truist') return Promise.resolve({ data: {} });
    const name = params.place_id.slice('place-'.length);
    return Promise.resolve({
      data: {
        result: {
          name: `${name} Downtown`,
          formatted_address: '1 Main St, Chicago, IL 60601, USA',
          opening_hours: { weekday_text: ['Monday: 9:00 AM – 5:00 PM', 'Saturday: 9:00 AM – 12:00 PM', 'Sunday: Closed'] },
        },
      },
    });
  }

  placesNearby({ params }) {
    if (params.keyword === 'PNC') return Promise.resolve({ data: { results: [] } });
    const results = BRANCHES.map((street, i) => ({
      place_id: `${params.keyword}-${i}`,
      vicinity: `${street}, Chicago`,
      business_status: i === 1 ? 'CLOSED_TEMPORARILY' : 'OPERATIONAL',
    }));
    return Promise.resolve({ data: { results } });
  }
}

exports.Client = Client;
