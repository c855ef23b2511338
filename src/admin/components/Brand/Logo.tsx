import React from 'react'

import './brand.scss'

export function Logo() {
  return (
    <div className="cdm-logo">
      <span className="cdm-logo__mark" aria-hidden="true">
        CDM
      </span>
      <span className="cdm-logo__name">CDM Studio</span>
    </div>
  )
}
