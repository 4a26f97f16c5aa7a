import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { PARTNER_ROUTES, PartnerOfferListItemResponse, PartnerOfferResponse, PartnerResponse } from '@wegweiser/shared/contracts';
import { CreatePartnerDto, CreatePartnerOfferDto, PartnerOfferSearchQueryDto, PartnerSearchQueryDto, UpdatePartnerDto, UpdatePartnerOfferDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

/** The partner directory: searchable by managers and team leads, kept by administrators. */
@ApiTags('partners')
@Controller(PARTNER_ROUTES.partners)
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @RequirePermission('partner:read')
  @Get()
  search(@Query() query: PartnerSearchQueryDto): Promise<PartnerResponse[]> {
    return this.partners.search(query);
  }

  @RequirePermission('partner:manage')
  @Post()
  create(@Body() dto: CreatePartnerDto): Promise<PartnerResponse> {
    return this.partners.create(dto);
  }

  @RequirePermission('partner:manage')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePartnerDto): Promise<PartnerResponse> {
    return this.partners.update(id, dto);
  }

  @RequirePermission('partner:manage')
  @Post(':id/offers')
  createOffer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreatePartnerOfferDto): Promise<PartnerOfferResponse> {
    return this.partners.createOffer(id, dto);
  }

  @RequirePermission('partner:manage')
  @Patch(':id/offers/:offerId')
  updateOffer(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('offerId', ParseUUIDPipe) offerId: string,
    @Body() dto: UpdatePartnerOfferDto,
  ): Promise<PartnerOfferResponse> {
    return this.partners.updateOffer(id, offerId, dto);
  }
}

/** Offers across the directory, by topic and text: what a manager refers a client to. */
@ApiTags('partners')
@Controller(PARTNER_ROUTES.partnerOffers)
export class PartnerOffersController {
  constructor(private readonly partners: PartnersService) {}

  @RequirePermission('partner:read')
  @Get()
  search(@Query() query: PartnerOfferSearchQueryDto): Promise<PartnerOfferListItemResponse[]> {
    return this.partners.searchOffers(query);
  }
}
