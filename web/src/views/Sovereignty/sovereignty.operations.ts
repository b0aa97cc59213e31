// The GraphQL document of the sovereignty dashboard. Every export is a complete, sendable document.

/** The whole report in one request; technologies carry their areas so the view can rank critical-technology areas. */
export const SOVEREIGNTY_REPORT = /* GraphQL */ `
  query SovereigntyDashboard {
    sovereigntyReport {
      countries {
        country { id name iso2 eu }
        lostCount
        suppliers { id name }
        capabilities {
          capability { id name }
          lostIfCut
          largestShare
        }
      }
      ketAreas { id name nonEuShare measured technologies { id } }
      technologies {
        technology {
          id
          name
          entity { ... on Technology { areas { id name kind } } }
        }
        nonEuShare
        unknownSupplyItems { id name kind }
      }
    }
  }
`;
